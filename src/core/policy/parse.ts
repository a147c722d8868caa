/**
 * From policy text to a JSON value, with a way to find each path in the text. The only entry
 * point is `parsePolicyText`, so the JSON reader behind it can change without its callers.
 */
import { problem, type PolicyProblem, type SourceLocation } from './policy-problem.ts';
import {
  mapSource,
  syntaxErrorOffset,
  type DuplicateKey,
  type Locator,
} from './source-location.ts';

/** Policy text read as JSON, or the syntax error that stopped it. */
export type ParsedPolicyText =
  | { ok: true; json: unknown; locate: Locator; duplicates: DuplicateKey[] }
  | { ok: false; problem: PolicyProblem };

const EXPECTED_DOCUMENT = 'a JSON object such as {"Version": "2012-10-17", "Statement": [ … ]}';

/** Reads policy text. A byte order mark at the start is ignored, as AWS ignores it. */
export function parsePolicyText(text: string): ParsedPolicyText {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;

  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { ok: false, problem: syntaxProblem(source, error.message) };
  }

  const { locate, duplicates } = mapSource(source);
  return { ok: true, json, locate, duplicates };
}

/** The engine's message, placed at the character it names when it names one. */
function syntaxProblem(text: string, engineMessage: string): PolicyProblem {
  const position = /position (\d+)/.exec(engineMessage)?.[1];
  const offset = position === undefined ? syntaxErrorOffset(text) : Number(position);
  const location = offset === undefined ? undefined : locationOf(text, offset);
  const where = location ? ` at line ${location.line}, column ${location.column}` : '';
  const near = offset === undefined ? text.slice(0, 20) : text.slice(offset, offset + 20);

  const found: PolicyProblem = problem('json-syntax', {
    path: [],
    found: text.trim() === '' ? 'an empty text' : JSON.stringify(near),
    expected: EXPECTED_DOCUMENT,
    message:
      `The policy is not valid JSON${where}: ${engineMessage.replace(/\.$/, '')}. ` +
      'AWS IoT reads a policy as one JSON object; fix the JSON before anything else can be ' +
      'checked.',
  });
  if (location) found.location = location;

  return found;
}

function locationOf(text: string, offset: number): SourceLocation {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');

  return { line, column, endLine: line, endColumn: column + 1 };
}
