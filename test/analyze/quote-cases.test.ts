import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../src/analyze/index.js';
import { readFixture } from '../helpers.js';
import { articleFromText } from './article-fixture.js';

interface QuoteCase {
  prefix: string;
  kind?: string;
  speaker?: string | null;
  verb?: string;
  names?: string[];
  descriptions?: string[];
  speakerGuessed?: boolean;
  sameAs?: string;
  speakerId?: null;
  speakerKind?: string;
}
interface CitationCase {
  source: string;
  kind: string;
  cue?: string;
  count?: number;
  description?: string;
}
interface Case {
  name: string;
  text: string;
  quotes: QuoteCase[];
  citations?: CitationCase[];
  notCited?: string[];
  /** Words in marks that are no quote (a name or title set apart as a term). */
  notQuoted?: string[];
}

const cases = JSON.parse(readFixture('analyze', 'quote-cases.json')) as Case[];

for (const c of cases) {
  test(`quote case: ${c.name}`, () => {
    const article = articleFromText(c.text);
    const ann = analyzeArticle(article);
    const find = (prefix: string) => {
      const q = ann.quotes.find((x) => x.text.startsWith(prefix));
      assert.ok(q, `no quote ${JSON.stringify(prefix)} in ${JSON.stringify(ann.quotes.map((x) => x.text))}`);
      return q;
    };
    for (const e of c.quotes) {
      const q = find(e.prefix);
      const where = `quote ${JSON.stringify(e.prefix)}`;
      if (e.kind !== undefined) assert.equal(q.kind, e.kind, where);
      if (e.speaker !== undefined) assert.equal(q.speaker, e.speaker, where);
      if (e.verb !== undefined) assert.equal(q.verb, e.verb, where);
      if (e.speakerId === null) assert.equal(q.speakerId, null, where);
      const sp = ann.speakers.find((s) => s.id === q.speakerId);
      if (e.names) assert.deepEqual(sp?.names, e.names, where);
      if (e.descriptions) assert.deepEqual(sp?.descriptions, e.descriptions, where);
      if (e.speakerGuessed !== undefined) assert.equal(q.speakerGuessed ?? false, e.speakerGuessed, where);
      if (e.speakerKind) assert.equal(sp?.kind, e.speakerKind, where);
      if (e.sameAs) {
        assert.ok(q.speakerId, `${where} has no speaker`);
        assert.equal(q.speakerId, find(e.sameAs).speakerId, `${where} same speaker as ${e.sameAs}`);
      }
    }
    for (const e of c.citations ?? []) {
      const hit = ann.citations.find((x) => x.source === e.source && x.kind === e.kind && (e.cue === undefined || x.cue === e.cue));
      assert.ok(hit, `no citation ${JSON.stringify(e)} in ${JSON.stringify(ann.citations.map((x) => [x.source, x.kind, x.cue]))}`);
      if (e.count !== undefined) assert.equal(hit.count, e.count);
      if (e.description !== undefined) assert.equal(hit.description, e.description);
      assert.equal(article.text.slice(hit.sourceSpan.start, hit.sourceSpan.end).replace(/^the /i, '').length > 0, true);
    }
    for (const s of c.notCited ?? []) assert.ok(!ann.citations.some((x) => x.source === s), `${s} should not be cited`);
    for (const s of c.notQuoted ?? []) {
      assert.ok(!ann.quotes.some((q) => q.text.includes(s)), `${s} should be no quote`);
      assert.ok(ann.terms.some((t) => t.text.includes(s)), `${s} should be a term`);
    }
  });
}
