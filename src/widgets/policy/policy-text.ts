/**
 * One check of a policy as the learner types it: JSON syntax first, with the course's precise
 * JSON errors, then validation and lint from the policy engine, each placed in the text.
 */
import { excerptAt, type Excerpt } from '../../core/json/position.ts';
import type { JsonProblem } from '../../core/json/problem.ts';
import { checkSyntax } from '../../core/json/syntax.ts';
import { checkPolicy, MAX_POLICY_CHARACTERS, type PolicyProblem } from '../../core/policy/index.ts';

export interface PolicyTextCheck {
  /** JSON problems, shown by the JSON field. Policy problems wait until the text is JSON. */
  syntax: JsonProblem[];
  /** Validation and lint, in document order. */
  problems: PolicyProblem[];
  /** The parsed document when the text is JSON. */
  document?: unknown;
  errors: number;
  warnings: number;
  /** Characters as AWS counts them, whitespace left out; undefined when not JSON. */
  size?: number;
}

export function checkPolicyText(text: string, name = 'policy'): PolicyTextCheck {
  const syntax = checkSyntax(text);
  if (!syntax.ok) {
    return {
      syntax: syntax.problems,
      problems: [],
      errors: syntax.problems.filter((p) => p.severity === 'error').length,
      warnings: syntax.problems.filter((p) => p.severity !== 'error').length,
    };
  }

  // Both checks notice a key written twice; the policy's finding says what it means for a policy.
  const jsonNotes = syntax.problems.filter((p) => p.kind !== 'duplicate-key');
  const problems = withoutEchoes(checkPolicy(text, name).problems);
  const errors = problems.filter((p) => p.severity === 'error').length;

  return {
    syntax: jsonNotes,
    problems,
    document: syntax.value,
    errors,
    warnings: problems.length - errors + jsonNotes.length,
    size: policySize(syntax.value),
  };
}

/**
 * Drops findings that only repeat an error already shown: a statement whose actions are all
 * unknown also gets "resource-type-mismatch" with an empty list of actions, which says nothing
 * the action error does not.
 */
function withoutEchoes(problems: readonly PolicyProblem[]): PolicyProblem[] {
  const badActions = new Set(
    problems
      .filter((p) => p.code === 'action-unknown' || p.code === 'action-malformed')
      .map((p) => statementOf(p.path)),
  );

  return problems.filter(
    (p) => p.code !== 'resource-type-mismatch' || !badActions.has(statementOf(p.path)),
  );
}

/** `Statement[1]` of a path inside a statement. */
function statementOf(path: readonly (string | number)[]): string {
  return path.slice(0, 2).join('/');
}

/** The size AWS compares with its 2048-character limit: the document without whitespace. */
export function policySize(document: unknown): number {
  return JSON.stringify(document ?? null).replace(/\s/g, '').length;
}

export { MAX_POLICY_CHARACTERS };

/** The 0-based offset of a 1-based line and column; CR LF, LF and CR each end a line. */
export function offsetOf(text: string, line: number, column: number): number {
  let start = 0;
  let current = 1;
  const breaks = /\r\n|\n|\r/g;
  while (current < line) {
    const match = breaks.exec(text);
    if (!match) break;
    start = match.index + match[0].length;
    current += 1;
  }

  return Math.min(text.length, start + Math.max(0, column - 1));
}

/** Where a policy problem sits in the text, with the excerpt and caret the JSON display uses. */
export function problemPlace(
  text: string,
  problem: PolicyProblem,
): { offset: number; line: number; column: number; excerpt: Excerpt } | undefined {
  if (!problem.location) return undefined;

  const { line, column } = problem.location;
  const offset = offsetOf(text, line, column);
  return { offset, line, column, excerpt: excerptAt(text, offset) };
}
