/**
 * Text that is not in double quotes: 'single quotes', “curly quotes” from a word processor,
 * keys without quotes, and bare words such as True, None or undefined (RFC 8259 §3, §4, §7).
 */
import type { Finding, Repair } from './finding.ts';
import type { Expectation } from './grammar.ts';
import { show } from './problem.ts';

const CURLY_OPEN = ['\u201c', '\u2018', '\u201e', '\u00ab'];
const CURLY_CLOSE: Record<string, string[]> = {
  '\u201c': ['\u201d', '\u201c'],
  '\u2018': ['\u2019', '\u2018'],
  '\u201e': ['\u201c', '\u201d'],
  '\u00ab': ['\u00bb'],
};

const isKeySpot = (expect: Expectation) => expect === 'key' || expect === 'first-key';

/** Single or typographic quotes where a string starts; null for any other character. */
export function quoteFinding(text: string, start: number, expect: Expectation): Finding | null {
  const c = text[start] ?? '';
  const what = isKeySpot(expect) ? 'key' : 'string';

  if (c === "'") {
    const close = closingOnLine(text, start, ["'"]);
    const inner = close === null ? null : text.slice(start + 1, close);
    const finding: Finding = {
      kind: 'single-quotes',
      offset: start,
      message:
        `This ${what} is in single quotes. JSON strings and keys use double quotes only: ` +
        `write ${inner === null ? '"…"' : `"${inner}"`} instead of ${inner === null ? "'…'" : `'${inner}'`}.`,
    };
    const repair = requote(start, close, inner);
    if (repair) finding.repair = repair;
    return finding;
  }

  if (CURLY_OPEN.includes(c) || c === '\u201d' || c === '\u2019') {
    const close = closingOnLine(text, start, CURLY_CLOSE[c] ?? [c]);
    const inner = close === null ? null : text.slice(start + 1, close);
    const finding: Finding = {
      kind: 'curly-quotes',
      offset: start,
      message:
        `This ${what} starts with the typographic quote ${show(c)}, which word processors, ` +
        'chat apps and some web pages put in place of ". JSON needs the plain double quote ' +
        `(U+0022): write ${inner === null ? '"…"' : `"${inner}"`}. Paste JSON into a code ` +
        'editor rather than a document to keep the quotes straight.',
    };
    const repair = requote(start, close, inner);
    if (repair) finding.repair = repair;
    return finding;
  }

  return null;
}

/** A bare word: a key without quotes, a literal with capitals, or text missing its quotes. */
export function wordFinding(text: string, start: number, expect: Expectation): Finding | null {
  const word = /^[\p{L}_$][\p{L}\p{N}_$-]*/u.exec(text.slice(start))?.[0];
  if (!word) return null;

  const lower = word.toLowerCase();
  if (['true', 'false', 'null'].includes(lower) && !isKeySpot(expect)) {
    return bare(start, word, `JSON's literal names are lowercase: write ${lower}.`, lower);
  }
  if (word === 'undefined' || word === 'None' || word === 'nil') {
    const from = word === 'undefined' ? 'JavaScript' : word === 'None' ? 'Python' : 'Ruby and Lua';
    return bare(
      start,
      word,
      `${word} is ${from}, not JSON. Write null, or leave the key out.`,
      'null'.padEnd(word.length),
    );
  }
  const literal = nearLiteral(lower);
  if (literal && !isKeySpot(expect)) {
    return bare(
      start,
      word,
      `Did you mean ${literal}? JSON's literal names are true, false and null.`,
    );
  }
  if (isKeySpot(expect)) {
    return {
      kind: 'unquoted-key',
      offset: start,
      message:
        `The key ${word} has no quotes. In JSON every key is a string in double quotes: ` +
        `write "${word}". JavaScript object literals allow bare keys; JSON does not.`,
    };
  }

  return bare(
    start,
    word,
    `Text in JSON is a string in double quotes: write "${word}". The only bare words JSON ` +
      'knows are true, false and null.',
  );
}

/** true, false or null when `word` is a short step away from one: a prefix or one letter off. */
function nearLiteral(word: string): string | undefined {
  return ['true', 'false', 'null'].find(
    (literal) =>
      (word.length >= 2 && literal.startsWith(word)) ||
      (word.length === literal.length && [...word].filter((c, i) => c !== literal[i]).length === 1),
  );
}

function bare(start: number, word: string, advice: string, replacement?: string): Finding {
  const finding: Finding = {
    kind: 'bare-word',
    offset: start,
    message: `${show(word)} is not a JSON value. ${advice}`,
  };
  if (replacement !== undefined && replacement.length === word.length) {
    finding.repair = { offset: start, text: replacement };
  }

  return finding;
}

/** The offset of the first closing quote after `open` on the same line, or null. */
function closingOnLine(text: string, open: number, closers: string[]): number | null {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') return null;
    if (c === '\\') i += 1;
    else if (closers.includes(c)) return i;
  }

  return null;
}

/** Straight double quotes in place of the two quotes, when the inside needs no escaping. */
function requote(open: number, close: number | null, inner: string | null): Repair | null {
  if (close === null || inner === null || /["\\]/.test(inner)) return null;

  return { offset: open, text: `"${inner}"` };
}
