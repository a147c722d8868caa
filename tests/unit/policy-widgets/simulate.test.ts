import { describe, expect, it } from 'vitest';
import { findScenario, SCENARIOS } from '../../../src/widgets/policy/scenarios.ts';
import { simulate } from '../../../src/widgets/policy/simulate.ts';

/** Each scenario as the lesson describes it: its outcome and the statement that decides it. */
const EXPECTED: Record<string, [outcome: string, deciding?: string]> = {
  device: ['allowed', 'sensor-policy Statement[1]'],
  'explicit-deny': ['explicitly-denied', 'lockdown Statement[0]'],
  'subscribe-trap': ['allowed', 'subscriber Statement[0]'],
  'not-linked': ['implicitly-denied'],
  'deny-unresolved': ['allowed', 'sensor-rules Statement[0]'],
  'client-id-filter': ['allowed', 'per-client Statement[0]'],
  retain: ['implicitly-denied'],
  'subscribe-topic-arn': ['implicitly-denied'],
  certificate: ['allowed', 'by-subject Statement[0]'],
  'for-all-values': ['allowed', 'organization-only Statement[0]'],
  'thing-group': ['allowed', 'fleet Statement[0]'],
};

function scenario(id: string) {
  const found = findScenario(id);
  if (!found) throw new Error(`no scenario ${id}`);

  return found.state;
}

describe('the simulator scenarios', () => {
  it('has an expectation for every scenario', () => {
    expect(SCENARIOS.map((s) => s.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s decides as the lesson says', (id, [outcome, deciding]) => {
    const { decision, request, policies } = simulate(scenario(id));
    const ref = decision.decidingStatement;

    expect(decision.outcome).toBe(outcome);
    expect(ref ? `${ref.policy} ${ref.at}` : undefined).toBe(deciding);
    expect(request.refusals).toEqual([]);
    expect(policies.every((p) => p.evaluated && p.check.errors === 0)).toBe(true);
  });

  it('explains the implicit deny of a retained publish by the missing action', () => {
    const { decision } = simulate(scenario('retain'));

    expect(decision.nearMiss?.lacks).toEqual([
      'its Action ("iot:Publish") does not cover iot:RetainPublish',
    ]);
  });

  it('turns the thing-group Deny on once the client ID is the thing name', () => {
    const state = scenario('thing-group');
    const { decision } = simulate({
      ...state,
      identity: { ...state.identity, clientId: 'sensor-01' },
    });

    expect(decision.outcome).toBe('explicitly-denied');
    expect(decision.decidingStatement?.policy).toBe('greenhouse-group');
  });

  it('turns the Deny with a thing variable on once the thing is linked', () => {
    const state = scenario('deny-unresolved');
    const { decision } = simulate({
      ...state,
      identity: { ...state.identity, clientId: 'sensor-01' },
    });

    expect(decision.outcome).toBe('explicitly-denied');
  });
});

describe('policies the simulator cannot fully read', () => {
  const base = scenario('explicit-deny');

  it('leaves out a policy that is not JSON, and says so', () => {
    const state = { ...base, policies: [base.policies[0]!, { ...base.policies[1]!, text: '{' }] };
    const { policies, decision } = simulate(state);

    expect(policies[1]?.evaluated).toBe(false);
    expect(policies[1]?.notes).toEqual([
      'This policy is not JSON, so it is left out of the decision until it is fixed.',
    ]);
    expect(decision.outcome).toBe('allowed');
  });

  it('names a missing, invalid or repeated policy name', () => {
    const named = (name: string) => ({ ...base.policies[0]!, name });
    const { policies } = simulate({
      ...base,
      policies: [named(''), named('has space'), named('twice'), named('twice')],
    });

    expect(policies.map((p) => p.name)).toEqual(['policy-1', 'has space', 'twice', 'twice']);
    expect(policies[0]?.notes).toEqual([
      'The policy has no name; the decision calls it "policy-1".',
    ]);
    expect(policies[1]?.notes[0]).toMatch(/^AWS IoT would not accept the name "has space"/);
    expect(policies[2]?.notes).toEqual([]);
    expect(policies[3]?.notes).toEqual([
      'Another policy is already named "twice"; give each policy its own name.',
    ]);
  });

  it('evaluates what it can read of a policy AWS would refuse, and says so', () => {
    const text = base.policies[1]!.text.replace('"Deny"', '"deny"');
    const { policies } = simulate({
      ...base,
      policies: [base.policies[0]!, { ...base.policies[1]!, text }],
    });

    expect(policies[1]?.notes).toEqual([
      'AWS IoT would refuse to save this policy (1 error); the decision uses the statements it ' +
        'can read.',
    ]);
  });
});
