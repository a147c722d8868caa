import { describe, expect, it } from 'vitest';
import {
  clientIdRefusals,
  scopeProblems,
  simRequest,
} from '../../../src/widgets/policy/sim-request.ts';

const SCOPE = { region: 'us-east-1', account: '123456789012' };
const SENT = { clientId: 'sensor-01', topic: 'sensors/sensor-01/t', filter: 'commands/#' };

describe('the request the simulator asks about', () => {
  it.each([
    ['iot:Connect', 'client/sensor-01'],
    ['iot:Publish', 'topic/sensors/sensor-01/t'],
    ['iot:RetainPublish', 'topic/sensors/sensor-01/t'],
    ['iot:Subscribe', 'topicfilter/commands/#'],
    ['iot:Receive', 'topic/sensors/sensor-01/t'],
  ] as const)('%s is checked against %s', (action, resource) => {
    const { request, refusals } = simRequest(action, SENT, SCOPE);

    expect(request).toEqual({ action, resource: `arn:aws:iot:us-east-1:123456789012:${resource}` });
    expect(refusals).toEqual([]);
  });

  it('builds the ARN in the Region and account typed', () => {
    const { request } = simRequest('iot:Publish', SENT, {
      region: ' eu-west-2 ',
      account: '210987654321',
    });

    expect(request.resource).toBe('arn:aws:iot:eu-west-2:210987654321:topic/sensors/sensor-01/t');
  });

  it('names a wildcard in a topic name as a refusal before any policy', () => {
    const { refusals } = simRequest('iot:Publish', { ...SENT, topic: 'sensors/#' }, SCOPE);

    expect(refusals.map((r) => r.rule)).toEqual(['MQTT-4.7.1-1']);
  });

  it('names an invalid topic filter as a refusal', () => {
    const { refusals } = simRequest('iot:Subscribe', { ...SENT, filter: 'a/#/b' }, SCOPE);

    expect(refusals.map((r) => r.rule)).toEqual(['MQTT-4.7.1-2']);
  });

  it('refuses a retained publish to a reserved topic, and not a plain one', () => {
    const topic = '$aws/things/sensor-01/shadow/update';

    expect(simRequest('iot:Publish', { ...SENT, topic }, SCOPE).refusals).toEqual([]);
    expect(
      simRequest('iot:RetainPublish', { ...SENT, topic }, SCOPE).refusals.map((r) => r.rule),
    ).toEqual(['AWS-reserved-retain']);
  });

  it('refuses an empty client ID and one over 128 bytes', () => {
    expect(clientIdRefusals('').map((r) => r.title)).toEqual(['No client ID']);
    expect(clientIdRefusals('é'.repeat(65))[0]?.message).toBe(
      'The client ID is 130 bytes of UTF-8, but AWS IoT Core accepts at most 128. Shorten it.',
    );
    expect(clientIdRefusals('x'.repeat(128))).toEqual([]);
  });

  it('names a Region or account that cannot be real', () => {
    expect(scopeProblems(SCOPE)).toEqual([]);
    expect(scopeProblems({ region: 'us-gov-west-1', account: '123456789012' })).toEqual([]);
    expect(scopeProblems({ region: 'Virginia', account: '1234' }).map((p) => p.field)).toEqual([
      'region',
      'account',
    ]);
  });
});
