/**
 * What a device's registry thing and thing groups change at the broker (spec §5.2, §6), and the
 * documented trap of a Subscribe Deny that a wildcard filter goes around (spec §4.3, §9), run
 * against both lab brokers.
 */
import type { MqttClient, Packet } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPolicy } from '../../../src/core/policy/index.ts';
import type { DeviceIdentity } from '../../../src/core/tls/handshake-report.ts';
import { ARN, BROKER_KINDS, startDeviceLab, type DeviceLab } from './device-lab.ts';

function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

function nextSuback(client: MqttClient): Promise<number[]> {
  return new Promise((resolve) => {
    const listen = (packet: Packet) => {
      if (packet.cmd !== 'suback') return;
      client.off('packetreceive', listen);
      resolve(packet.granted as number[]);
    };
    client.on('packetreceive', listen);
  });
}

async function subackFor(client: MqttClient, filter: string): Promise<number[]> {
  const suback = nextSuback(client);
  client.subscribe(filter, { qos: 1 });
  return suback;
}

/** The documented trap: Allow topicfilter/a/*, Deny topicfilter/a/restricted/*. */
const TRAP = policy(
  { Effect: 'Allow', Action: 'iot:Connect', Resource: `${ARN}:client/sensor-1` },
  { Effect: 'Allow', Action: 'iot:Subscribe', Resource: `${ARN}:topicfilter/a/*` },
  { Effect: 'Deny', Action: 'iot:Subscribe', Resource: `${ARN}:topicfilter/a/restricted/*` },
  { Effect: 'Allow', Action: 'iot:Receive', Resource: `${ARN}:topic/a/*` },
);

describe('the Subscribe Deny that a wildcard goes around', () => {
  it('is what checkPolicy warns about, naming the filter that goes around it', () => {
    const check = checkPolicy(TRAP, 'trap');

    expect(check.valid).toBe(true);
    const warning = check.problems.find((p) => p.code === 'deny-subscribe-bypassed-by-wildcards');
    expect(warning).toMatchObject({ severity: 'warning', at: 'Statement[2].Resource' });
    expect(warning?.message).toContain('This Deny does not stop a client subscribing to "a/#"');
  });
});

describe.each(BROKER_KINDS)('%s: things, groups and the wildcard trap', (kind) => {
  let lab: DeviceLab;
  let sensor: DeviceIdentity;

  beforeEach(async () => {
    lab = await startDeviceLab(kind);
    sensor = await lab.device('sensor-1');
  });
  afterEach(async () => {
    await lab.close();
  });

  it('a device denied topicfilter/a/restricted/* still subscribes to a/# and receives a/restricted/x', async () => {
    await lab.registry.createPolicy('trap', TRAP);
    await lab.registry.attachPolicy('trap', sensor.certificateId);
    const device = await lab.connect('sensor-1', sensor);
    const got: string[] = [];
    device.on('message', (topic) => got.push(topic));

    expect(await subackFor(device, 'a/restricted/x')).toEqual([0x80]);
    expect(await subackFor(device, 'a/#')).toEqual([0x01]);
    const console_ = await lab.connect('console');
    await console_.publishAsync('a/restricted/x', 'secret', { qos: 1 });

    await expect.poll(() => got).toEqual(['a/restricted/x']);
  });

  it('thing-group policies apply when the client ID is the thing name, and not otherwise', async () => {
    await lab.registry.createThing({ thingName: 'sensor-1', attributes: { room: 'kitchen' } });
    await lab.registry.attachThingPrincipal('sensor-1', sensor.certificateId);
    await lab.registry.createThingGroup('fleet');
    await lab.registry.addThingToThingGroup('fleet', 'sensor-1');
    await lab.registry.createPolicy(
      'connect',
      policy({ Effect: 'Allow', Action: 'iot:Connect', Resource: `${ARN}:client/*` }),
    );
    await lab.registry.attachPolicy('connect', sensor.certificateId);
    await lab.registry.createPolicy(
      'fleet-publish',
      policy({
        Effect: 'Allow',
        Action: 'iot:Publish',
        Resource: `${ARN}:topic/rooms/\${iot:Connection.Thing.Attributes[room]}/*`,
      }),
    );
    await lab.registry.attachPolicy('fleet-publish', 'fleet');

    const asThing = await lab.connect('sensor-1', sensor);
    await asThing.publishAsync('rooms/kitchen/temp', '21', { qos: 1 });
    expect(lab.events.filter((e) => e.type === 'refusal')).toEqual([]);

    const other = await lab.connect('not-the-thing', sensor);
    const gone = new Promise<void>((resolve) => other.once('close', () => resolve()));
    other.publish('rooms/kitchen/temp', '22', { qos: 1 });
    await gone;
    const refusal = lab.events.find((e) => e.type === 'refusal');
    expect(refusal).toMatchObject({
      clientId: 'not-the-thing',
      action: 'publish',
      refusal: { code: 'publish-not-authorized' },
    });
    expect(refusal?.type === 'refusal' && refusal.refusal.message).toContain(
      'no statement allows it',
    );
  });
});
