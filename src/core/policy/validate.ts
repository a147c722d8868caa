/**
 * Validation of a policy document: JSON syntax, the grammar of statements, actions, resource
 * ARNs, conditions and policy variables. Each problem names its path, what was found there and
 * what is expected; given text, it also gets a line and column.
 */
import { checkAction } from './action.ts';
import { parsePolicyText } from './parse.ts';
import type { Policy } from './policy-document.ts';
import type { PolicyPath } from './policy-path.ts';
import { problem, type PolicyProblem, type ProblemCode } from './policy-problem.ts';
import { readPolicy } from './read-policy.ts';
import { checkResourceArn } from './resource-arn.ts';
import type { DuplicateKey, Locator } from './source-location.ts';
import { checkCondition } from './validate-condition.ts';
import {
  checkUnsubstituted,
  checkVariables,
  checkVersionForVariables,
} from './validate-variables.ts';

/** AWS counts a policy's characters without its whitespace. */
export const MAX_POLICY_CHARACTERS = 2048;

/** The outcome of validation. */
export interface ValidationResult {
  /** No problem of severity 'error'. */
  valid: boolean;
  /** In document order. */
  problems: PolicyProblem[];
  /** The policy as evaluation reads it; undefined when the text is not JSON. */
  policy: Policy | undefined;
  /** The parsed document; undefined when the text is not JSON. */
  json: unknown;
  /** Lines and columns of paths, when the policy was given as text. */
  locate: Locator | undefined;
}

/** Validates policy text, or a document already parsed from JSON. */
export function validatePolicy(input: string | unknown, name = 'policy'): ValidationResult {
  let json = input;
  let locate: Locator | undefined;
  const problems: PolicyProblem[] = [];

  if (typeof input === 'string') {
    const parsed = parsePolicyText(input);
    if (!parsed.ok) {
      return {
        valid: false,
        problems: [parsed.problem],
        policy: undefined,
        json: undefined,
        locate,
      };
    }
    json = parsed.json;
    locate = parsed.locate;
    problems.push(...parsed.duplicates.map(duplicateProblem));
  }

  const read = readPolicy(json, name);
  problems.push(...read.problems, ...sizeProblems(json));

  const substituted = read.parts.flatMap((p) => [
    ...p.resources,
    ...p.conditions.flatMap((c) => c.values),
  ]);
  problems.push(...checkVersionForVariables(read.policy, substituted));

  for (const part of read.parts) {
    problems.push(...part.actions.flatMap(checkAction));
    problems.push(...checkUnsubstituted(part.actions, 'an Action'));
    problems.push(...part.resources.flatMap(checkResourceArn));
    problems.push(...checkVariables(part.resources));
    problems.push(...part.conditions.flatMap(checkCondition));
  }

  const located = locate ? withLocations(problems, locate) : problems;
  return {
    valid: !located.some((p) => p.severity === 'error'),
    problems: located,
    policy: read.policy,
    json,
    locate,
  };
}

/** Problems about a key point at the key; the rest at the value, or the nearest thing written. */
const KEY_CODES: ReadonlySet<ProblemCode> = new Set([
  'unknown-key',
  'duplicate-key',
  'condition-operator-unknown',
  'condition-key-unknown',
  'action-conflict',
  'resource-conflict',
]);

/** The problems with lines and columns added, sorted into document order. */
export function withLocations(problems: PolicyProblem[], locate: Locator): PolicyProblem[] {
  const located = problems.map((p) => {
    if (p.location) return p;
    const location = nearestLocation(p.path, locate, KEY_CODES.has(p.code) ? 'key' : 'value');
    return location ? { ...p, location } : p;
  });

  return located
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const la = a.p.location;
      const lb = b.p.location;
      if (!la || !lb) return a.i - b.i;
      return la.line - lb.line || la.column - lb.column || a.i - b.i;
    })
    .map(({ p }) => p);
}

/** A missing key has no place of its own; point at the object that lacks it. */
function nearestLocation(path: PolicyPath, locate: Locator, part: 'key' | 'value') {
  for (let n = path.length; n >= 0; n--) {
    const location = locate(path.slice(0, n), n === path.length ? part : 'value');
    if (location) return location;
  }

  return undefined;
}

function duplicateProblem(duplicate: DuplicateKey): PolicyProblem {
  const key = String(duplicate.path.at(-1));
  const lines = duplicate.ignored.map((l) => l.line).join(', ');
  return problem('duplicate-key', {
    path: duplicate.path,
    found: `"${key}" ${duplicate.ignored.length + 1} times`,
    expected: `"${key}" once`,
    message:
      `"${key}" is written ${duplicate.ignored.length + 1} times in the same object; only ` +
      `the last one counts, and the one${duplicate.ignored.length > 1 ? 's' : ''} on line ` +
      `${lines} ${duplicate.ignored.length > 1 ? 'are' : 'is'} ignored. Merge them into one list.`,
  });
}

function sizeProblems(json: unknown): PolicyProblem[] {
  const size = JSON.stringify(json ?? null).replace(/\s/g, '').length;
  if (size <= MAX_POLICY_CHARACTERS) return [];

  return [
    problem('policy-too-large', {
      path: [],
      found: `${size} characters without whitespace`,
      expected: `at most ${MAX_POLICY_CHARACTERS}`,
      message:
        `The policy has ${size} characters not counting whitespace, but AWS IoT accepts at ` +
        `most ${MAX_POLICY_CHARACTERS}. Use wildcards or policy variables to shorten it, or split ` +
        `it into several policies (up to 10 per certificate).`,
    }),
  ];
}
