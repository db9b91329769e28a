import type { Attribution, TextSpan } from '../../model.js';

/**
 * A span without the white space at its edges (a line break, a no-break space): the learned tagger can start a
 * content on the line break wink keeps as a token after a no-break space ("… 2011.\u00a0\n The Greater Wisconsin
 * Committee …"). The span itself when there is nothing to trim or nothing but space.
 */
export function trimSpan<T extends TextSpan>(s: T, text: string): T {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start === end || (start === s.start && end === s.end)) return s;
  return { ...s, start, end, text: text.slice(start, end) };
}

/** Every span of every relation trimmed of white space at its edges (`trimSpan`). */
export function trimAttributionSpaces(attrs: Attribution[], text: string): Attribution[] {
  return attrs.map((a) => {
    const source = a.source ? trimSpan(a.source, text) : null;
    const cue = trimSpan(a.cue, text);
    const content = trimSpan(a.content, text);
    return source === a.source && cue === a.cue && content === a.content ? a : { ...a, source, cue, content };
  });
}
