/**
 * Reader for brat standoff annotation (`.ann`) as used by PolNeAR.
 *
 * T lines: `T12\tType start end[;start end…]\ttext` — offsets are JS string offsets into the
 * `.txt` file (UTF-16 code units; PolNeAR has no astral characters, so this equals code points).
 * A span text may contain newlines (discontinuous spans across paragraphs): the following lines
 * that do not start a new annotation belong to it.
 * E lines: `E3\tAttribution:T4 Content:T3 Cue:T2 Source:T1` (role:id pairs, roles may repeat
 * with a numeric suffix, e.g. `Content2`). `#` notes and other lines are kept out of the model.
 */

export interface BratSpan {
  id: string;
  type: string;
  /** Fragments `[start, end)`, in file order. */
  fragments: Array<[number, number]>;
  /** Covering range of all fragments. */
  start: number;
  end: number;
  text: string;
}

export interface BratEvent {
  id: string;
  /** The trigger type, e.g. `Attribution` or `Attribution-no-source`. */
  type: string;
  trigger: string;
  /** Role → span ids (`Content2` is folded into `Content`). */
  args: Map<string, string[]>;
}

export interface BratDocument {
  spans: Map<string, BratSpan>;
  events: BratEvent[];
}

export class BratError extends Error {
  constructor(name: string, line: number, message: string) {
    super(`${name}:${line}: ${message}`);
    this.name = 'BratError';
  }
}

const T_LINE = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)$/;
const E_LINE = /^(E\d+)\t(.*)$/;
const STARTS_ANNOTATION = /^[TERAMN#*]\d*\t/;

/** Parse `.ann` text. `name` names the input in error messages. Throws `BratError` on malformed lines. */
export function parseBrat(ann: string, name = 'annotation', textLength = Infinity): BratDocument {
  const spans = new Map<string, BratSpan>();
  const events: BratEvent[] = [];
  const lines = ann.split('\n');
  let last: BratSpan | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line.startsWith('T')) {
      const m = T_LINE.exec(line);
      if (m) {
        const fragments = m[3].split(';').map((f) => {
          const [s, e] = f.split(' ').map(Number);
          if (!(s <= e)) throw new BratError(name, i + 1, `span start ${s} after end ${e}`);
          if (e > textLength) throw new BratError(name, i + 1, `span end ${e} beyond text length ${textLength}`);
          return [s, e] as [number, number];
        });
        const start = Math.min(...fragments.map((f) => f[0]));
        const end = Math.max(...fragments.map((f) => f[1]));
        last = { id: m[1], type: m[2], fragments, start, end, text: m[4] };
        if (spans.has(last.id)) throw new BratError(name, i + 1, `duplicate id ${last.id}`);
        spans.set(last.id, last);
        continue;
      }
      if (/^T\d+\t/.test(line)) throw new BratError(name, i + 1, `malformed text-bound annotation: ${line.slice(0, 80)}`);
    }
    if (line.startsWith('E')) {
      const m = E_LINE.exec(line);
      if (m) {
        last = null;
        const parts = m[2].trim().split(/\s+/).filter(Boolean);
        if (parts.length === 0) throw new BratError(name, i + 1, 'event without trigger');
        const [type, trigger] = splitRole(parts[0], name, i + 1);
        const args = new Map<string, string[]>();
        for (const p of parts.slice(1)) {
          const [role, id] = splitRole(p, name, i + 1);
          const base = role.replace(/\d+$/, '');
          const list = args.get(base) ?? [];
          list.push(id);
          args.set(base, list);
        }
        events.push({ id: m[1], type, trigger, args });
        continue;
      }
    }
    if (STARTS_ANNOTATION.test(line) || line === '') {
      last = null;
      continue;
    }
    // A continuation of a multi-line span text.
    if (last) last.text += '\n' + line;
  }
  for (const ev of events) {
    if (!spans.has(ev.trigger)) throw new BratError(name, 0, `event ${ev.id} refers to unknown span ${ev.trigger}`);
    for (const ids of ev.args.values()) {
      for (const id of ids) {
        if (!spans.has(id)) throw new BratError(name, 0, `event ${ev.id} refers to unknown span ${id}`);
      }
    }
  }
  return { spans, events };
}

function splitRole(part: string, name: string, line: number): [string, string] {
  const k = part.lastIndexOf(':');
  if (k <= 0 || k === part.length - 1) throw new BratError(name, line, `malformed event argument "${part}"`);
  return [part.slice(0, k), part.slice(k + 1)];
}

export type ComponentKind = 'source' | 'cue' | 'content';

export interface GoldSpan {
  kind: ComponentKind;
  start: number;
  end: number;
}

export interface GoldRelation {
  source: GoldSpan | null;
  cue: GoldSpan | null;
  /** Usually one; several when the content is split into separate annotations. */
  contents: GoldSpan[];
}

export interface GoldAttributions {
  /** Every Source / Cue / Content span (covering range for discontinuous spans), deduplicated. */
  components: GoldSpan[];
  relations: GoldRelation[];
}

const KIND: Record<string, ComponentKind> = { Source: 'source', Cue: 'cue', Content: 'content' };

/** Gold components and relations of one PolNeAR document. */
export function goldFromBrat(doc: BratDocument): GoldAttributions {
  const seen = new Set<string>();
  const components: GoldSpan[] = [];
  const toGold = (s: BratSpan): GoldSpan | null => {
    const kind = KIND[s.type];
    return kind ? { kind, start: s.start, end: s.end } : null;
  };
  const ids = [...doc.spans.keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  for (const id of ids) {
    const g = toGold(doc.spans.get(id)!);
    if (!g) continue;
    const key = `${g.kind}:${g.start}:${g.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    components.push(g);
  }
  components.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
  const relations: GoldRelation[] = [];
  for (const ev of doc.events) {
    const get = (role: string): GoldSpan[] =>
      (ev.args.get(role) ?? []).map((id) => toGold(doc.spans.get(id)!)).filter((g): g is GoldSpan => g !== null);
    const source = get('Source')[0] ?? null;
    const cue = get('Cue')[0] ?? null;
    const contents = get('Content');
    if (!cue && contents.length === 0) continue;
    relations.push({ source, cue, contents });
  }
  return { components, relations };
}
