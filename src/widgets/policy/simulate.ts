/**
 * The whole simulator as one pure step, from the form to the decision, so the widget only draws:
 *   1. check each policy's text (JSON, then validation and lint);
 *   2. build the request context from the identity;
 *   3. build the request ARN, and note what a broker would refuse before authorizing;
 *   4. evaluate the request against every policy that is JSON.
 */
import { evaluate, type AttachedPolicy, type Decision } from '../../core/policy/index.ts';
import { identityContext, type IdentityContext } from './identity-context.ts';
import { checkPolicyText, type PolicyTextCheck } from './policy-text.ts';
import type { PolicyDraft, SimulatorState } from './scenarios.ts';
import { scopeProblems, simRequest, type ScopeFields, type SimRequest } from './sim-request.ts';

export interface PolicyOutcome {
  /** The name the decision uses for it. */
  name: string;
  check: PolicyTextCheck;
  /** What is wrong with the name, or why the policy is left out or read only in part. */
  notes: string[];
  evaluated: boolean;
}

export interface Simulation {
  policies: PolicyOutcome[];
  identity: IdentityContext;
  request: SimRequest;
  scope: { field: keyof ScopeFields; message: string }[];
  decision: Decision;
}

/** Policy names: 1 to 128 of these characters (`API_CreatePolicy`). */
const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;

export function simulate(state: SimulatorState): Simulation {
  const policies = state.policies.map((draft, index) => readDraft(draft, index, state.policies));
  const identity = identityContext(state.identity);
  const request = simRequest(
    state.action,
    { clientId: state.identity.clientId, topic: state.topic, filter: state.filter },
    state,
  );

  const attached: AttachedPolicy[] = policies.flatMap((p, i) =>
    p.evaluated
      ? [{ name: p.name, document: p.check.document, attachedTo: state.policies[i]!.attachedTo }]
      : [],
  );
  const decision = evaluate(request.request, attached, identity.context);

  return { policies, identity, request, scope: scopeProblems(state), decision };
}

function readDraft(draft: PolicyDraft, index: number, all: readonly PolicyDraft[]): PolicyOutcome {
  const notes: string[] = [];
  const typed = draft.name.trim();
  const name = typed === '' ? `policy-${index + 1}` : typed;

  if (typed === '') {
    notes.push(`The policy has no name; the decision calls it "${name}".`);
  } else if (!POLICY_NAME.test(typed)) {
    notes.push(
      `AWS IoT would not accept the name "${typed}": a policy name is 1 to 128 letters, digits ` +
        `and the characters _ + = , . @ -.`,
    );
  }
  if (typed !== '' && all.findIndex((p) => p.name.trim() === typed) !== index) {
    notes.push(`Another policy is already named "${typed}"; give each policy its own name.`);
  }

  const check = checkPolicyText(draft.text, name);
  const evaluated = check.document !== undefined;
  if (!evaluated) {
    notes.push('This policy is not JSON, so it is left out of the decision until it is fixed.');
  } else if (check.errors > 0) {
    notes.push(
      `AWS IoT would refuse to save this policy (${check.errors} ` +
        `error${check.errors === 1 ? '' : 's'}); the decision uses the statements it can read.`,
    );
  }

  return { name, check, notes, evaluated };
}
