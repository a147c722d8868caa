/**
 * Scenario files in the format of `policy-cases.json`: each case gives the policies, the request
 * context, the action and resource, and the expected decision. Reading reports what is wrong
 * with a case instead of throwing, so one bad case does not hide the rest.
 */
import type { AttachedPolicy, Decision } from './decision.ts';
import { evaluate } from './evaluate.ts';
import type { RequestContext } from './request-context.ts';
import { buildRequest, type AuthorizationRequest, type RequestTarget } from './request.ts';

export const EXPECTED_DECISIONS = ['allow', 'deny'] as const;

export type ExpectedDecision = (typeof EXPECTED_DECISIONS)[number];

/** One scenario, ready to evaluate. */
export interface PolicyCase {
  id: string;
  policies: AttachedPolicy[];
  context: RequestContext;
  request: AuthorizationRequest;
  expected: ExpectedDecision;
  /** The case's own explanation, shown when it fails. */
  why?: string;
}

/** One case run. */
export interface CaseRun {
  policyCase: PolicyCase;
  decision: Decision;
  passed: boolean;
}

/** The cases of a case file, and a sentence for each case that cannot be read. */
export function readCaseFile(json: unknown): { cases: PolicyCase[]; mistakes: string[] } {
  const list = isObject(json) ? json['cases'] : undefined;
  if (!Array.isArray(list)) {
    return {
      cases: [],
      mistakes: ['the file has no "cases" array; see policy-cases.json for the format'],
    };
  }

  const cases: PolicyCase[] = [];
  const mistakes: string[] = [];
  list.forEach((raw, i) => {
    const read = readCase(raw, i);
    if (typeof read === 'string') mistakes.push(read);
    else cases.push(read);
  });

  return { cases, mistakes };
}

export function runCase(policyCase: PolicyCase): CaseRun {
  const decision = evaluate(policyCase.request, policyCase.policies, policyCase.context);
  const passed = (decision.allowed ? 'allow' : 'deny') === policyCase.expected;

  return { policyCase, decision, passed };
}

/** The attached policies of a raw case: `policy`, `policies` and `thingGroupPolicies`. */
export function casePolicies(raw: Record<string, unknown>): AttachedPolicy[] {
  const policies: AttachedPolicy[] = [];
  if (raw['policy'] !== undefined) policies.push({ name: 'policy', document: raw['policy'] });

  const many = raw['policies'];
  if (Array.isArray(many))
    many.forEach((document, i) => policies.push({ name: `policies[${i}]`, document }));

  const groups = raw['thingGroupPolicies'];
  if (Array.isArray(groups)) {
    groups.forEach((document, i) =>
      policies.push({ name: `thingGroupPolicies[${i}]`, document, attachedTo: 'thing-group' }),
    );
  }

  return policies;
}

function readCase(raw: unknown, index: number): PolicyCase | string {
  if (!isObject(raw)) return `cases[${index}] is not an object`;

  const id = typeof raw['id'] === 'string' ? raw['id'] : `cases[${index}]`;
  const expected = raw['expected'];
  if (expected !== 'allow' && expected !== 'deny') {
    return `${id}: "expected" must be "allow" or "deny", not ${JSON.stringify(expected)}`;
  }

  const context = raw['context'] ?? {};
  if (!isContext(context)) {
    return `${id}: "context" must map keys to strings, string arrays or attribute objects`;
  }

  const request = caseRequest(raw);
  if (typeof request === 'string') return `${id}: ${request}`;

  const policyCase: PolicyCase = { id, policies: casePolicies(raw), context, request, expected };
  if (typeof raw['why'] === 'string') policyCase.why = raw['why'];

  return policyCase;
}

/** `action` with `resource` (a full ARN), or with `request` ({clientId}, {topic}, {topicFilter}). */
function caseRequest(raw: Record<string, unknown>): AuthorizationRequest | string {
  const action = raw['action'];
  if (typeof action !== 'string') return '"action" must be a string such as "iot:Publish"';

  const resource = raw['resource'];
  if (typeof resource === 'string') return { action, resource };

  const target = raw['request'];
  if (!isTarget(target)) return 'give "resource" (an ARN) or "request" ({"topic": …} and the like)';

  const built = buildRequest(action, target);
  return 'mistake' in built ? built.mistake : built;
}

function isTarget(value: unknown): value is RequestTarget {
  if (!isObject(value)) return false;

  return ['clientId', 'topic', 'topicFilter'].some((k) => typeof value[k] === 'string');
}

function isContext(value: unknown): value is RequestContext {
  if (!isObject(value)) return false;

  return Object.values(value).every(
    (v) =>
      typeof v === 'string' ||
      (Array.isArray(v) && v.every((s) => typeof s === 'string')) ||
      (isObject(v) && Object.values(v).every((s) => typeof s === 'string')),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
