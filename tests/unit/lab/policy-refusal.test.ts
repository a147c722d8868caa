import { describe, expect, it } from 'vitest';
import { policyRefusal } from '../../../src/core/lab/policy-refusal.ts';
import { evaluate, mqttRequests } from '../../../src/core/policy/index.ts';

const ARN = 'arn:aws:iot:us-east-1:123456789012';

describe('a policy refusal in the lab’s words', () => {
  it('says that no policy is attached when the certificate has none', () => {
    const decision = evaluate(mqttRequests.subscribe('a/#'), [], { 'iot:ClientId': 'd' });

    const refusal = policyRefusal('subscribe', decision, {});

    expect(refusal.message).toBe(
      `iot:Subscribe on ${ARN}:topicfilter/a/# denied: no policy in effect allows it (the ` +
        'certificate has no policy attached). The broker answered SUBACK 0x80 for this filter; ' +
        'the connection and the other filters stay.',
    );
    expect(refusal.explanation).toMatchObject({ outcome: 'implicitly-denied' });
    expect(refusal.explanation).not.toHaveProperty('nearest');
  });

  it('names a thing-group policy and its version when its Deny decides', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'Quiet', Effect: 'Deny', Action: 'iot:Publish', Resource: '*' }],
    };
    const context = {
      'iot:ClientId': 'sensor-1',
      'iot:Connection.Thing.ThingName': 'sensor-1',
    };
    const decision = evaluate(
      mqttRequests.publish('x'),
      [{ name: 'fleet', document, attachedTo: 'thing-group' }],
      context,
    );

    const refusal = policyRefusal('publish', decision, { fleet: '3' });

    expect(refusal.code).toBe('publish-not-authorized');
    expect(refusal.message).toMatch(
      /^iot:Publish on arn:aws:iot:us-east-1:123456789012:topic\/x denied: thing-group policy "fleet" version 3 Statement\[0\] \(Sid "Quiet"\) denies it/,
    );
    expect(refusal.explanation?.deciding).toEqual({
      policy: 'fleet',
      version: '3',
      attachedTo: 'thing-group',
      at: 'Statement[0]',
      sid: 'Quiet',
    });
  });
});
