import { describe, expect, it } from 'vitest';
import { evaluate, mqttRequests, type AttachedPolicy } from '../../../src/core/policy/index.ts';

const ARN = 'arn:aws:iot:us-east-1:123456789012';

const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allow = (Action: string | string[], Resource: string | string[], extra: object = {}) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
const deny = (Action: string | string[], Resource: string | string[], extra: object = {}) => ({
  Effect: 'Deny',
  Action,
  Resource,
  ...extra,
});

const DEVICE = { 'iot:ClientId': 'sensor-1' };
const THING = {
  ...DEVICE,
  'iot:Connection.Thing.ThingName': 'sensor-1',
  'iot:Connection.Thing.IsAttached': 'true',
};

describe('deciding a request', () => {
  it('denies by default when no statement allows it', () => {
    const decision = evaluate(mqttRequests.publish('a'), [], DEVICE);

    expect(decision).toMatchObject({
      allowed: false,
      outcome: 'implicitly-denied',
      statements: [],
    });
    expect(decision.summary).toBe(
      `Implicitly denied: no statement allows iot:Publish on ${ARN}:topic/a, and whatever is not allowed is denied.`,
    );
  });

  it('an explicit Deny in one policy overrides an Allow in another', () => {
    const policies: AttachedPolicy[] = [
      { name: 'broad', document: doc(allow('iot:Publish', `${ARN}:topic/*`)) },
      {
        name: 'guard',
        document: doc({ Sid: 'NoSecrets', ...deny('iot:Publish', `${ARN}:topic/secret/*`) }),
      },
    ];
    const decision = evaluate(mqttRequests.publish('secret/x'), policies, DEVICE);

    expect(decision.outcome).toBe('explicitly-denied');
    expect(decision.decidingStatement).toEqual({
      policy: 'guard',
      attachedTo: 'principal',
      index: 0,
      sid: 'NoSecrets',
      effect: 'Deny',
      at: 'Statement[0]',
    });
    expect(decision.matchingStatements.map((s) => s.policy)).toEqual(['broad', 'guard']);
  });

  it('names the first Allow that applies as the deciding statement', () => {
    const decision = evaluate(
      mqttRequests.publish('a/b'),
      [
        {
          name: 'p',
          document: doc(
            allow('iot:Connect', '*'),
            allow('iot:Pub*', `${ARN}:topic/a/*`),
            allow('iot:*', '*'),
          ),
        },
      ],
      DEVICE,
    );

    expect(decision.decidingStatement?.index).toBe(1);
    expect(decision.matchingStatements.map((s) => s.index)).toEqual([1, 2]);
  });

  it('matches actions ignoring case, and resources exactly', () => {
    const policies = [{ name: 'p', document: doc(allow('IOT:publish', `${ARN}:topic/Sensors/*`)) }];

    expect(evaluate(mqttRequests.publish('Sensors/t'), policies, DEVICE).allowed).toBe(true);
    expect(evaluate(mqttRequests.publish('sensors/t'), policies, DEVICE).allowed).toBe(false);
  });

  it('NotResource covers every resource it does not list', () => {
    const policies = [
      {
        name: 'p',
        document: doc({
          Effect: 'Allow',
          Action: 'iot:Receive',
          NotResource: `${ARN}:topic/a/restricted/*`,
        }),
      },
    ];

    expect(evaluate(mqttRequests.receive('b/other'), policies, DEVICE).allowed).toBe(true);
    expect(evaluate(mqttRequests.receive('a/restricted/x'), policies, DEVICE).allowed).toBe(false);
  });

  it('skips a statement it cannot read and says so, evaluating the rest', () => {
    const decision = evaluate(
      mqttRequests.publish('a'),
      [
        {
          name: 'p',
          document: doc(
            { Effect: 'Maybe', Action: 'iot:Publish', Resource: '*' },
            allow('iot:Publish', `${ARN}:topic/a`),
          ),
        },
      ],
      DEVICE,
    );

    expect(decision.allowed).toBe(true);
    expect(decision.policies[0]?.skipped).toEqual([
      { index: 0, path: ['Statement', 0], reason: 'it has no valid Effect' },
    ]);
  });
});

describe('thing-group policies', () => {
  const group: AttachedPolicy = {
    name: 'fleet',
    attachedTo: 'thing-group',
    document: doc(deny('iot:Publish', `${ARN}:topic/fleet/locked/*`)),
  };
  const own: AttachedPolicy = {
    name: 'own',
    document: doc(allow('iot:Publish', `${ARN}:topic/*`)),
  };

  it('apply when the client ID is the thing name', () => {
    const decision = evaluate(mqttRequests.publish('fleet/locked/a'), [own, group], THING);

    expect(decision.outcome).toBe('explicitly-denied');
    expect(decision.policies[1]).toMatchObject({
      inEffect: true,
      reason: 'the client ID equals the thing name "sensor-1"',
    });
  });

  it('do not apply to a client ID that is not a linked thing, which goes around their Deny', () => {
    const decision = evaluate(mqttRequests.publish('fleet/locked/a'), [own, group], {
      'iot:ClientId': 'other',
    });

    expect(decision.outcome).toBe('allowed');
    expect(decision.policies[1]).toMatchObject({
      inEffect: false,
      reason: 'no registry thing is linked to this connection',
    });
    expect(decision.statements.map((s) => s.policy)).toEqual(['own']);
  });

  it('do not apply to an exclusively attached thing connecting under another client ID', () => {
    const context = { ...THING, 'iot:ClientId': 'gateway-a' };

    expect(evaluate(mqttRequests.publish('fleet/locked/a'), [own, group], context).allowed).toBe(
      true,
    );
  });
});
