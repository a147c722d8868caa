/**
 * One statement of a policy: Sid, Effect, Action or NotAction, Resource or NotResource, and
 * Condition (IAM JSON policy element reference). What can be read is kept even when the rest
 * cannot, so validation can check every part.
 */
import {
  EFFECTS,
  type ConditionClause,
  type Effect,
  type ElementEntry,
  type PolicyStatement,
} from './policy-document.ts';
import { child, type PolicyPath } from './policy-path.ts';
import { problem, shown, type PolicyProblem } from './policy-problem.ts';
import { readConditions } from './read-condition.ts';
import { describeJson, isObject, unknownKeys, type JsonObject } from './json-value.ts';

/** Whatever a statement holds that could be read, complete or not, for validation to check. */
export interface StatementParts {
  index: number;
  path: PolicyPath;
  actions: ElementEntry[];
  resources: ElementEntry[];
  conditions: ConditionClause[];
  /** Set when the statement has everything evaluation needs. */
  statement?: PolicyStatement;
}

const STATEMENT_KEYS = [
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const;

/** The statement's parts, with the statement itself or why evaluation has to skip it. */
export function readStatement(
  value: unknown,
  index: number,
  path: PolicyPath,
  problems: PolicyProblem[],
): StatementParts & { skipReason: string } {
  const parts = { index, path, actions: [], resources: [], conditions: [], skipReason: '' };

  if (!isObject(value)) {
    problems.push(
      problem('statement-not-object', {
        path,
        found: describeJson(value),
        expected: 'an object with "Effect", "Action" and "Resource"',
        message:
          `Each statement is an object such as {"Effect": "Allow", "Action": ` +
          `"iot:Connect", "Resource": "…"}, but this one is ${describeJson(value)}.`,
      }),
    );
    return { ...parts, skipReason: 'it is not an object' };
  }

  problems.push(...unknownKeys(value, path, STATEMENT_KEYS, 'statement'));

  const sid = value['Sid'];
  if (sid !== undefined && typeof sid !== 'string') {
    problems.push(
      problem('sid-invalid', {
        path: child(path, 'Sid'),
        found: shown(sid),
        expected: 'a string, e.g. "AllowOwnTopics"',
        message:
          `"Sid" is a label for the statement and must be a string, but it is ` + `${shown(sid)}.`,
      }),
    );
  }

  const effect = readEffect(value, path, problems);
  const action = readPair(value, path, 'Action', 'NotAction', problems);
  const resource = readPair(value, path, 'Resource', 'NotResource', problems);
  const conditions = readConditions(value['Condition'], child(path, 'Condition'), problems);

  const read = {
    ...parts,
    actions: action?.entries ?? [],
    resources: resource?.entries ?? [],
    conditions,
  };
  if (effect === undefined) return { ...read, skipReason: 'it has no valid Effect' };
  if (action === undefined) return { ...read, skipReason: 'it has no valid Action or NotAction' };
  if (resource === undefined) {
    return { ...read, skipReason: 'it has no valid Resource or NotResource' };
  }

  const statement: PolicyStatement = {
    index,
    path,
    effect,
    action: { name: action.name === 'Action' ? 'Action' : 'NotAction', entries: action.entries },
    resource: {
      name: resource.name === 'Resource' ? 'Resource' : 'NotResource',
      entries: resource.entries,
    },
    conditions,
  };
  if (typeof sid === 'string') statement.sid = sid;

  return { ...read, statement };
}

function readEffect(
  statement: JsonObject,
  path: PolicyPath,
  problems: PolicyProblem[],
): Effect | undefined {
  const effect = statement['Effect'];
  if ((EFFECTS as readonly unknown[]).includes(effect)) return effect as Effect;

  const at = child(path, 'Effect');
  if (effect === undefined) {
    problems.push(
      problem('effect-missing', {
        path: at,
        found: 'nothing',
        expected: '"Allow" or "Deny"',
        message: 'The statement has no "Effect"; add "Effect": "Allow" or "Effect": "Deny".',
      }),
    );
    return undefined;
  }

  const fixed = EFFECTS.find(
    (e) => typeof effect === 'string' && e.toLowerCase() === effect.toLowerCase(),
  );
  problems.push(
    problem('effect-invalid', {
      path: at,
      found: shown(effect),
      expected: '"Allow" or "Deny"',
      message:
        `"Effect" is ${shown(effect)}, but it must be exactly "Allow" or "Deny"` +
        (fixed ? ` (capital letter first): write "${fixed}".` : '.'),
    }),
  );
  return undefined;
}

/** Action/NotAction or Resource/NotResource: exactly one, a string or a list of strings. */
function readPair(
  statement: JsonObject,
  path: PolicyPath,
  name: 'Action' | 'Resource',
  notName: 'NotAction' | 'NotResource',
  problems: PolicyProblem[],
): { name: string; entries: ElementEntry[] } | undefined {
  const kind = name === 'Action' ? 'action' : 'resource';
  const example =
    name === 'Action' ? '"iot:Publish"' : '"arn:aws:iot:us-east-1:123456789012:topic/sensors/*"';

  if (name in statement && notName in statement) {
    problems.push(
      problem(`${kind}-conflict`, {
        path: child(path, notName),
        found: `both "${name}" and "${notName}"`,
        expected: `one of "${name}" or "${notName}"`,
        message:
          `A statement has either "${name}" or "${notName}", never both. Keep "${name}" ` +
          `unless you mean "every ${kind} except these".`,
      }),
    );
  }

  const used = name in statement ? name : notName in statement ? notName : undefined;
  if (used === undefined) {
    problems.push(
      problem(`${kind}-missing`, {
        path: child(path, name),
        found: 'nothing',
        expected: `"${name}": ${example} or a list of them`,
        message:
          `The statement has no "${name}" (nor "${notName}"), so it applies to nothing. ` +
          `Add "${name}": ${example}.`,
      }),
    );
    return undefined;
  }

  const at = child(path, used);
  const value = statement[used];
  const items: [unknown, PolicyPath][] = Array.isArray(value)
    ? value.map((v, i) => [v, child(at, i)])
    : [[value, at]];

  if (Array.isArray(value) && value.length === 0) {
    problems.push(
      problem(`${kind}-empty`, {
        path: at,
        found: '[]',
        expected: `at least one ${kind}, e.g. [${example}]`,
        message:
          `"${used}" is an empty list, so the statement covers no ${kind}. List at least ` + `one.`,
      }),
    );
    return undefined;
  }

  const entries: ElementEntry[] = [];
  for (const [item, itemPath] of items) {
    if (typeof item === 'string') {
      entries.push({ value: item, path: itemPath });
      continue;
    }
    problems.push(
      problem(`${kind}-not-string`, {
        path: itemPath,
        found: shown(item),
        expected: `a string such as ${example}`,
        message: `Each ${kind} is a string, but this one is ${describeJson(item)}; it is ignored.`,
      }),
    );
  }

  return entries.length > 0 ? { name: used, entries } : undefined;
}

/** A warning for each Sid that an earlier statement already uses. */
export function duplicateSids(statements: PolicyStatement[]): PolicyProblem[] {
  const seen = new Map<string, PolicyStatement>();
  const problems: PolicyProblem[] = [];

  for (const s of statements) {
    if (s.sid === undefined || s.sid === '') continue;
    const first = seen.get(s.sid);
    if (first === undefined) {
      seen.set(s.sid, s);
      continue;
    }
    problems.push(
      problem('sid-duplicate', {
        path: child(s.path, 'Sid'),
        found: JSON.stringify(s.sid),
        expected: 'a Sid no other statement uses',
        message:
          `Statement ${s.index} has the Sid "${s.sid}", like statement ${first.index}. ` +
          `Explanations name statements by Sid, so give each its own.`,
      }),
    );
  }

  return problems;
}
