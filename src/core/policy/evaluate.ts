/**
 * The decision on one request (`iot-policies`, spec section 6): gather the policies in effect,
 * compare every statement with the request, and decide. An explicit Deny anywhere wins; else any
 * Allow grants; else the request is denied by default.
 */
import type {
  AttachedPolicy,
  AttachedTo,
  Decision,
  Outcome,
  PolicyResult,
  StatementRef,
  StatementResult,
} from './decision.ts';
import { findNearMiss, refOf } from './near-miss.ts';
import type { Policy } from './policy-document.ts';
import { readPolicy } from './read-policy.ts';
import { thingGroupPoliciesApply, type RequestContext } from './request-context.ts';
import type { AuthorizationRequest } from './request.ts';
import { matchStatement } from './statement-match.ts';

/** Decides one request against every policy attached to the caller. */
export function evaluate(
  request: AuthorizationRequest,
  policies: readonly AttachedPolicy[],
  context: RequestContext,
): Decision {
  const read = policies.map((p) => ({
    policy: readPolicy(p.document, p.name).policy,
    attachedTo: p.attachedTo ?? 'principal',
  }));

  return evaluateRead(request, read, context);
}

/** `evaluate` for policies already read, e.g. by validation or lint. */
export function evaluateRead(
  request: AuthorizationRequest,
  policies: readonly { policy: Policy; attachedTo: AttachedTo }[],
  context: RequestContext,
): Decision {
  const inEffect = policiesInEffect(policies, context);
  const statements = compareStatements(request, inEffect, context);
  const decision = decide(request, statements);

  return { ...decision, policies: inEffect.map((p) => p.result) };
}

interface PolicyInEffect {
  policy: Policy;
  result: PolicyResult;
}

/** Certificate policies always; thing-group policies only when the client ID is the thing name. */
function policiesInEffect(
  policies: readonly { policy: Policy; attachedTo: AttachedTo }[],
  context: RequestContext,
): PolicyInEffect[] {
  const groups = thingGroupPoliciesApply(context);

  return policies.map(({ policy, attachedTo }) => {
    const result: PolicyResult = {
      name: policy.name,
      attachedTo,
      inEffect: attachedTo === 'principal' || groups.apply,
      skipped: policy.skipped,
    };
    if (attachedTo === 'thing-group') result.reason = groups.why;

    return { policy, result };
  });
}

function compareStatements(
  request: AuthorizationRequest,
  policies: readonly PolicyInEffect[],
  context: RequestContext,
): StatementResult[] {
  return policies
    .filter((p) => p.result.inEffect)
    .flatMap(({ policy, result }) =>
      policy.statements.map((s) => matchStatement(s, policy, result.attachedTo, request, context)),
    );
}

function decide(
  request: AuthorizationRequest,
  statements: StatementResult[],
): Omit<Decision, 'policies'> {
  const matching = statements.filter((s) => s.applies);
  const deny = matching.find((s) => s.effect === 'Deny');
  const allow = matching.find((s) => s.effect === 'Allow');
  const base = { request, statements, matchingStatements: matching.map(refOf) };

  if (deny) {
    const ref = refOf(deny);
    return {
      ...base,
      allowed: false,
      outcome: 'explicitly-denied',
      decidingStatement: ref,
      summary: summary('explicitly-denied', request, ref),
    };
  }
  if (allow) {
    const ref = refOf(allow);
    return {
      ...base,
      allowed: true,
      outcome: 'allowed',
      decidingStatement: ref,
      summary: summary('allowed', request, ref),
    };
  }

  const decision: Omit<Decision, 'policies'> = {
    ...base,
    allowed: false,
    outcome: 'implicitly-denied',
    summary: summary('implicitly-denied', request),
  };
  const nearMiss = findNearMiss(statements, request);
  if (nearMiss) decision.nearMiss = nearMiss;

  return decision;
}

/** "policy 'p' Statement[1] (Sid "Pub")". */
export function nameStatement(ref: StatementRef): string {
  const group = ref.attachedTo === 'thing-group' ? 'thing-group policy' : 'policy';
  return `${group} '${ref.policy}' ${ref.at}${ref.sid ? ` (Sid "${ref.sid}")` : ''}`;
}

function summary(outcome: Outcome, request: AuthorizationRequest, ref?: StatementRef): string {
  const what = `${request.action} on ${request.resource}`;
  if (outcome === 'allowed' && ref) return `Allowed: ${nameStatement(ref)} allows ${what}.`;
  if (outcome === 'explicitly-denied' && ref) {
    return (
      `Explicitly denied: ${nameStatement(ref)} denies ${what}, and an explicit Deny ` +
      `overrides every Allow.`
    );
  }

  return `Implicitly denied: no statement allows ${what}, and whatever is not allowed is denied.`;
}
