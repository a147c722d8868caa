/**
 * Where something is in a JSON text: offsets (0-based UTF-16 code units, as JavaScript strings
 * count) become a 1-based line and column, and a two-line excerpt with a caret under the spot.
 */

export interface Position {
  /** 0-based index into the text, in UTF-16 code units. */
  offset: number;
  /** 1-based line number; CR LF, LF and CR each end a line (RFC 8259 §2 whitespace). */
  line: number;
  /** 1-based column, in UTF-16 code units from the start of the line. */
  column: number;
}

/** The source line around a position, and a line of the same width with `^` under it. */
export interface Excerpt {
  text: string;
  caret: string;
}

/** How many characters of a long line an excerpt shows. */
export const EXCERPT_WIDTH = 72;

const LINE_BREAK = /\r\n|\n|\r/g;

/** The line and column of `offset`; an offset past the end sits just after the last character. */
export function positionAt(text: string, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, text.length));
  const { start, number } = lineContaining(text, clamped);

  return { offset: clamped, line: number, column: clamped - start + 1 };
}

/**
 * The line holding `offset`, cut to about `width` characters around it when it is long, with
 * a caret line below. Tabs are copied into the caret line so the caret lines up under them.
 */
export function excerptAt(text: string, offset: number, width = EXCERPT_WIDTH): Excerpt {
  const clamped = Math.max(0, Math.min(offset, text.length));
  const { start, end } = lineContaining(text, clamped);
  const chars = [...text.slice(start, end)];
  const caretIndex = [...text.slice(start, clamped)].length;

  let from = 0;
  let to = chars.length;
  if (chars.length > width) {
    from = Math.max(0, Math.min(caretIndex - Math.floor(width / 2), chars.length - width));
    to = from + width;
  }

  const shown = chars.slice(from, to).map(visible);
  const lead = from > 0 ? '…' : '';
  const tail = to < chars.length ? '…' : '';
  const padding = shown
    .slice(0, caretIndex - from)
    .map((c) => (c === '\t' ? '\t' : ' '))
    .join('');

  return { text: `${lead}${shown.join('')}${tail}`, caret: `${lead ? ' ' : ''}${padding}^` };
}

function lineContaining(
  text: string,
  offset: number,
): { start: number; end: number; number: number } {
  let start = 0;
  let number = 1;
  for (const match of text.matchAll(LINE_BREAK)) {
    const breakAt = match.index;
    // A caret on the line break itself belongs to the line it ends.
    if (breakAt + match[0].length > offset) return { start, end: breakAt, number };
    start = breakAt + match[0].length;
    number += 1;
  }

  return { start, end: text.length, number };
}

/** Control characters would move the cursor or vanish; they are shown as one visible symbol. */
function visible(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (char === '\t') return char;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  if (code === 0xfeff || code === 0xa0) return '·';

  return char;
}
