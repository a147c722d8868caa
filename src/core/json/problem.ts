/**
 * What can be wrong with a JSON text, as values rather than exceptions. Every problem has a
 * stable kind, a short title in plain words, a message saying what happened, why and what to
 * do, the rule it breaks, and where it is (offset, line, column and a caret excerpt).
 */
import { excerptAt, positionAt, type Excerpt } from './position.ts';

export type Severity = 'error' | 'warning';

interface KindInfo {
  title: string;
  severity: Severity;
  /** The rule the problem breaks, cited the way a lesson cites it. */
  rule: string;
}

const error = (title: string, rule: string): KindInfo => ({ title, severity: 'error', rule });
const warning = (title: string, rule: string): KindInfo => ({ title, severity: 'warning', rule });

/** Every kind of problem, with its title, severity and the rule behind it. */
export const JSON_PROBLEM_KINDS = {
  'trailing-comma': error('Trailing comma', 'RFC 8259 §4, §5'),
  comment: error('Comment', 'RFC 8259 §2'),
  'single-quotes': error('Single quotes', 'RFC 8259 §7'),
  'curly-quotes': error('Curly quotes', 'RFC 8259 §7'),
  'unquoted-key': error('Unquoted key', 'RFC 8259 §4'),
  'bare-word': error('Word without quotes', 'RFC 8259 §3'),
  'missing-comma': error('Missing comma', 'RFC 8259 §4, §5'),
  'missing-colon': error('Missing colon', 'RFC 8259 §4'),
  'missing-value': error('Missing value', 'RFC 8259 §4, §5'),
  'unterminated-string': error('Unterminated string', 'RFC 8259 §7'),
  'control-character': error('Control character in a string', 'RFC 8259 §7'),
  'invalid-escape': error('Invalid escape', 'RFC 8259 §7'),
  'nan-or-infinity': error('NaN or Infinity', 'RFC 8259 §6'),
  'leading-zeros': error('Leading zeros', 'RFC 8259 §6'),
  'invalid-number': error('Invalid number', 'RFC 8259 §6'),
  'mismatched-bracket': error('Mismatched bracket', 'RFC 8259 §4, §5'),
  'unexpected-end': error('Unexpected end', 'RFC 8259 §2'),
  'extra-content': error('Text after the JSON value', 'RFC 8259 §2'),
  'unexpected-character': error('Unexpected character', 'RFC 8259 §2'),
  'unexpected-token': error('Unexpected token', 'RFC 8259 §2'),
  'file-path': error('A file path, not JSON', 'AWS CLI: file://'),
  empty: error('Empty document', 'RFC 8259 §2'),
  'not-utf8': error('Not UTF-8', 'RFC 8259 §8.1'),
  'byte-order-mark': warning('Byte order mark', 'RFC 8259 §8.1'),
  'duplicate-key': warning('Duplicate key', 'RFC 8259 §4'),
  'unsafe-integer': warning('Integer loses precision', 'RFC 8259 §6'),
  'number-overflow': warning('Number out of range', 'RFC 8259 §6'),
  'schema-mismatch': error('Does not match the schema', 'JSON Schema 2020-12'),
  'invalid-schema': error('Invalid schema', 'JSON Schema 2020-12'),
  'schema-note': warning('Schema note', 'JSON Schema 2020-12'),
} as const satisfies Record<string, KindInfo>;

export type JsonProblemKind = keyof typeof JSON_PROBLEM_KINDS;

export interface JsonProblem {
  kind: JsonProblemKind;
  severity: Severity;
  title: string;
  /** What was found, why it is a problem, and what to do instead. */
  message: string;
  rule: string;
  /** 0-based index into the text, in UTF-16 code units. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  excerpt: Excerpt;
  /** Schema problems: where in the document, as words (`state.reported.temp`, `the root`). */
  path?: string;
  /** Schema problems: the same place as an RFC 6901 JSON Pointer. */
  pointer?: string;
  expected?: string;
  found?: string;
}

/** Optional parts of a problem beyond its kind, place and message. */
export type ProblemDetails = Pick<JsonProblem, 'path' | 'pointer' | 'expected' | 'found'>;

/** A problem of `kind` at `offset` in `text`. */
export function problemAt(
  text: string,
  kind: JsonProblemKind,
  offset: number,
  message: string,
  details: ProblemDetails = {},
): JsonProblem {
  const info: KindInfo = JSON_PROBLEM_KINDS[kind];
  const { line, column, offset: at } = positionAt(text, offset);

  return {
    kind,
    severity: info.severity,
    title: info.title,
    message,
    rule: info.rule,
    offset: at,
    line,
    column,
    excerpt: excerptAt(text, at),
    ...details,
  };
}

export function hasErrors(problems: readonly JsonProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Errors first, then warnings; each group in document order. */
export function sortProblems(problems: readonly JsonProblem[]): JsonProblem[] {
  const rank = (p: JsonProblem) => (p.severity === 'error' ? 0 : 1);
  return [...problems].sort((a, b) => rank(a) - rank(b) || a.offset - b.offset);
}

/** A short, visible rendering of a piece of text for a message: quoted, escapes shown. */
export function show(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  const escaped = cut.replace(/[\u0000-\u001f\u007f\u00a0\ufeff]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });

  return `\`${escaped}\``;
}

/** "line 3, column 7", as people say it. */
export function where(problemOrPosition: { line: number; column: number }): string {
  return `line ${problemOrPosition.line}, column ${problemOrPosition.column}`;
}
