/**
 * Whether a statement's Condition holds for a request (`IAM reference_policies_elements_condition`,
 * `IAM reference_policies_multi-value-conditions`). Every operator and every key must hold; the
 * values listed for one key are alternatives.
 */
import { globMatch, type GlobToken } from './glob.ts';
import { parseOperator, type ConditionOperator } from './condition-operator.ts';
import { ipInBlock } from './ip-address.ts';
import type { ConditionClause } from './policy-document.ts';
import { substitute, type VariableUse } from './policy-variable.ts';
import { readContextKey, type RequestContext } from './request-context.ts';

/** One policy value after substitution. */
export interface ConditionValue {
  written: string;
  /** As compared: variables replaced, unresolved ones left as `${…}`. */
  value: string;
  variables: VariableUse[];
}

/** How one operator-and-key clause turned out. */
export interface ClauseResult {
  operator: string;
  key: string;
  path: ConditionClause['path'];
  holds: boolean;
  /** The request's values; undefined when the context lacks the key. */
  requestValues: string[] | undefined;
  values: ConditionValue[];
  /** Why it holds or not, in one sentence. */
  reason: string;
}

/** Evaluates every clause; the condition holds when all of them do. */
export function evaluateConditions(
  clauses: readonly ConditionClause[],
  context: RequestContext,
  substitutesVariables: boolean,
): ClauseResult[] {
  return clauses.map((c) => evaluateClause(c, context, substitutesVariables));
}

export function evaluateClause(
  clause: ConditionClause,
  context: RequestContext,
  substitutesVariables: boolean,
): ClauseResult {
  const operator = parseOperator(clause.operator);
  const lookup = readContextKey(context, clause.key);
  const requestValues = lookup.present ? lookup.values : undefined;
  const base = { operator: clause.operator, key: clause.key, path: clause.path, requestValues };

  if (!operator) {
    const values = clause.values.map((v) => ({ written: v.value, value: v.value, variables: [] }));
    return {
      ...base,
      values,
      holds: false,
      reason: `"${clause.operator}" is not a condition operator, so the clause never holds`,
    };
  }

  const values = clause.values.map((v) => {
    const enabled = substitutesVariables && operator.substitutesVariables;
    const s = substitute(v.value, context, { enabled, wildcards: operator.wildcards });
    return { written: v.value, value: s.text, variables: s.variables, tokens: s.tokens };
  });
  const shownValues = values.map(({ written, value, variables }) => ({
    written,
    value,
    variables,
  }));
  const verdict = decide(operator, lookup, values);

  return { ...base, values: shownValues, ...verdict };
}

type Compared = { value: string; tokens: GlobToken[] };

function decide(
  op: ConditionOperator,
  lookup: ReturnType<typeof readContextKey>,
  values: Compared[],
): { holds: boolean; reason: string } {
  const policy = list(values.map((v) => v.value));

  if (op.comparison === 'Null') {
    const absent = !lookup.present || lookup.values.length === 0;
    const holds = values.some((v) => (v.value.toLowerCase() === 'true') === absent);
    return {
      holds,
      reason:
        `the key is ${absent ? 'absent' : 'present'}, and Null ${policy} asks for it to be ` +
        `${holds === absent ? 'absent' : 'present'}`,
    };
  }

  const request = lookup.present ? lookup.values : [];
  const absent = !lookup.present || (lookup.values.length === 0 && op.set === undefined);
  if (absent) return absentVerdict(op, lookup.present ? 'the key has no values' : lookup.reason);

  const matchesOne = (v: string) => values.some((p) => compare(op, v, p));
  const satisfies = (v: string) => (op.negated ? !matchesOne(v) : matchesOne(v));
  const relation = op.negated ? 'matches none of' : 'matches one of';

  if (op.set === 'ForAllValues') {
    const failing = request.find((v) => !satisfies(v));
    if (request.length === 0) return absentVerdict(op, 'the request set is empty');

    return failing === undefined
      ? { holds: true, reason: `every request value ${list(request)} ${relation} ${policy}` }
      : {
          holds: false,
          reason:
            `the request value "${failing}" fails: each must be one that ${relation} ` +
            `${policy}`,
        };
  }

  if (op.set === 'ForAnyValue') {
    const passing = request.find(satisfies);
    if (request.length === 0) return absentVerdict(op, 'the request set is empty');

    return passing === undefined
      ? { holds: false, reason: `no request value in ${list(request)} ${relation} ${policy}` }
      : { holds: true, reason: `the request value "${passing}" ${relation} ${policy}` };
  }

  // Without a set prefix a multi-valued key holds when any value matches (inferred; IAM).
  const anyMatch = request.some(matchesOne);
  const holds = op.negated ? !anyMatch : anyMatch;
  const shownRequest = request.length === 1 ? `"${request[0]}"` : list(request);
  return {
    holds,
    reason:
      `the request value ${shownRequest} ${anyMatch ? 'matches' : 'does not match'} ${policy}` +
      (op.negated ? `, and ${op.base} asks for no match` : ''),
  };
}

/** An absent key, or an empty set (spec 2.1; `IAM reference_policies_multi-value-conditions`). */
function absentVerdict(op: ConditionOperator, why: string): { holds: boolean; reason: string } {
  if (op.ifExists) return { holds: true, reason: `${why}; ${op.raw} skips the test` };
  if (op.set === 'ForAllValues') {
    return { holds: true, reason: `${why}, and ForAllValues holds for an empty set` };
  }
  if (op.set === 'ForAnyValue') {
    return { holds: false, reason: `${why}, and ForAnyValue never holds for an empty set` };
  }
  if (op.negated) return { holds: true, reason: `${why}; a negated operator holds then` };

  return { holds: false, reason: `${why}, so the clause cannot hold` };
}

function compare(op: ConditionOperator, request: string, policy: Compared): boolean {
  switch (op.comparison) {
    case 'StringEquals':
    case 'BinaryEquals':
      return request === policy.value;
    case 'StringEqualsIgnoreCase':
      return request.toLowerCase() === policy.value.toLowerCase();
    case 'StringLike':
      return globMatch(policy.tokens, request);
    case 'ArnLike':
      return arnLike(policy.tokens, request);
    case 'Bool':
      return request.toLowerCase() === policy.value.toLowerCase();
    case 'IpAddress':
      return ipInBlock(request, policy.value);
    case 'Null':
      return false;
    default:
      return compareOrdered(op.comparison, request, policy.value);
  }
}

/** Numeric and Date comparisons; a value that is not a number or a date never matches. */
function compareOrdered(comparison: string, request: string, policy: string): boolean {
  const read = comparison.startsWith('Date') ? toTime : toNumber;
  const a = read(request);
  const b = read(policy);
  if (a === undefined || b === undefined) return false;

  if (comparison.endsWith('LessThan')) return a < b;
  if (comparison.endsWith('LessThanEquals')) return a <= b;
  if (comparison.endsWith('GreaterThan')) return a > b;
  if (comparison.endsWith('GreaterThanEquals')) return a >= b;
  return a === b;
}

function toNumber(text: string): number | undefined {
  const n = Number(text);
  return text.trim() === '' || Number.isNaN(n) ? undefined : n;
}

/** ISO 8601 dates, or seconds since 1970 as IAM also accepts. */
function toTime(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : t;
}

/** IAM compares the six colon-separated parts of an ARN one by one, so `*` stops at a colon. */
function arnLike(tokens: readonly GlobToken[], arn: string): boolean {
  const patternParts = splitTokens(tokens, 6);
  const arnParts = splitText(arn, 6);
  if (patternParts.length !== arnParts.length) return false;

  return patternParts.every((p, i) => globMatch(p, arnParts[i] ?? ''));
}

function splitText(text: string, max: number): string[] {
  const parts = text.split(':');
  return parts.length <= max ? parts : [...parts.slice(0, max - 1), parts.slice(max - 1).join(':')];
}

function splitTokens(tokens: readonly GlobToken[], max: number): GlobToken[][] {
  const parts: GlobToken[][] = [[]];
  for (const token of tokens) {
    if (token.kind !== 'literal') {
      parts.at(-1)?.push(token);
      continue;
    }
    const pieces = token.text.split(':');
    pieces.forEach((piece, i) => {
      if (i > 0 && parts.length < max) parts.push([]);
      else if (i > 0) parts.at(-1)?.push({ kind: 'literal', text: ':' });
      if (piece !== '') parts.at(-1)?.push({ kind: 'literal', text: piece });
    });
  }

  return parts;
}

function list(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}
