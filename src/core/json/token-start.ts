/**
 * Where the token that momoa stopped in begins. momoa reports a bad character where it noticed
 * it: after `5.` it points at the next character, inside a string at the bad escape, and at the
 * end of the text for a string that never closes. A learner needs the caret on the start of the
 * thing to fix, so this skips over the complete tokens before that point: strings by their
 * quotes (honouring backslash escapes), and runs of number or word characters.
 */
import { isJsonNumber } from './finding.ts';

const WORD = /[A-Za-z0-9_$.+-]/;
const LITERALS = new Set(['true', 'false', 'null']);

/** The offset of the first character of the token that holds, or ends right before, `at`. */
export function tokenStart(text: string, at: number): number {
  let i = 0;
  while (i < at) {
    const c = text[i]!;

    if (c === '"') {
      const end = stringEnd(text, i);
      if (end === null || end > at) return i;
      i = end;
    } else if (WORD.test(c)) {
      let j = i;
      while (j < text.length && WORD.test(text[j]!)) j++;
      if (j > at) return i;
      // A word that ends just before `at` is the culprit only when it is not a complete value.
      if (j === at) return isWellFormed(text.slice(i, j)) ? at : i;
      i = j;
    } else {
      i += 1;
    }
  }

  return at;
}

/** The offset just after the closing quote of the string opening at `open`, or null. */
export function stringEnd(text: string, open: number): number | null {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i += 1;
    else if (c === '"') return i + 1;
  }

  return null;
}

function isWellFormed(word: string): boolean {
  return isJsonNumber(word) || LITERALS.has(word);
}
