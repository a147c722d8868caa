/**
 * A syntax mistake as the classifiers find it, before it is placed in the learner's own text:
 * the kind, where, the words, and when there is one, a same-length repair that lets the check
 * carry on and find the next mistake (a trailing comma becomes a space, and so on).
 */
import type { Token } from '@humanwhocodes/momoa';
import type { JsonProblemKind } from './problem.ts';

export interface Repair {
  offset: number;
  /** Replaces exactly as many characters as it holds, so every later offset stays true. */
  text: string;
}

export interface Finding {
  kind: JsonProblemKind;
  offset: number;
  message: string;
  repair?: Repair;
}

export function applyRepair(text: string, repair: Repair): string {
  return (
    text.slice(0, repair.offset) + repair.text + text.slice(repair.offset + repair.text.length)
  );
}

/** Spaces in place of `length` characters from `offset`, keeping line breaks where they were. */
export function blankOut(text: string, offset: number, length: number): Repair {
  const blanked = text.slice(offset, offset + length).replace(/[^\r\n]/g, ' ');
  return { offset, text: blanked };
}

/** The source text of a token. */
export function tokenText(text: string, token: Token): string {
  return text.slice(token.loc.start.offset, token.loc.end.offset);
}

/** "line 1, column 7" for a token's first character. */
export function tokenPlace(token: Token): string {
  return `line ${token.loc.start.line}, column ${token.loc.start.column}`;
}

/** True when a JSON number as written is well-formed (RFC 8259 §6). */
export function isJsonNumber(raw: string): boolean {
  return /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(raw);
}

/** Whitespace between two offsets, the first character of which a repair can replace. */
export function gapBetween(text: string, from: number, to: number): number | null {
  const gap = text.slice(from, to);
  const at = gap.search(/[ \t]/);
  return to > from && /^[ \t\r\n]+$/.test(gap) && at >= 0 ? from + at : null;
}
