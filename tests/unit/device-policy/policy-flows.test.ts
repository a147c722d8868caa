/**
 * The corpus flows about policy decisions (02, 03, 07, 08, 19, 22, 27), each run against both
 * lab brokers with real mqtt.js clients. A device reaches the broker with the identity its TLS
 * handshake would have given; the console reaches it without one and may do everything.
 */
import type { MqttClient, Packet } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../../src/core/lab/lab-event.ts';
import type { DeviceIdentity } from '../../../src/core/tls/handshake-report.ts';
import { ARN, BROKER_KINDS, startDeviceLab, type DeviceLab } from './device-lab.ts';
import { flow } from './flows.ts';

const NOTE =
  'The lab reads policies afresh for every request, so a change applies at once; AWS IoT ' +
  'caches them, and a change can take about 6 to 8 minutes to apply there.';

function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

const allow = (action: string | string[], resource: string | string[], extra = {}) => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...extra,
});
const deny = (action: string | string[], resource: string | string[], extra = {}) => ({
  Effect: 'Deny',
  Action: action,
  Resource: resource,
  ...extra,
});

function refusals(events: LabEvent[]) {
  return events.flatMap((e) => (e.type === 'refusal' ? [e] : []));
}

function closed(client: MqttClient): Promise<void> {
  return new Promise((resolve) => client.once('close', () => resolve()));
}

/** The SUBACK return codes of the client's next SUBSCRIBE, as sent on the wire. */
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

function messages(client: MqttClient): string[] {
  const got: string[] = [];
  client.on('message', (topic, payload) => got.push(`${topic} ${payload.toString()}`));
  return got;
}

describe.each(BROKER_KINDS)('%s: IoT policies decide a device’s MQTT steps', (kind) => {
  let lab: DeviceLab;
  let sensor: DeviceIdentity;

  beforeEach(async () => {
    lab = await startDeviceLab(kind);
    sensor = await lab.device('sensor-1');
  });
  afterEach(async () => {
    await lab.close();
  });

  const attach = async (name: string, document: string, identity = sensor) => {
    await lab.registry.createPolicy(name, document);
    await lab.registry.attachPolicy(name, identity.certificateId);
  };

  it(flow('flow-02').title, async () => {
    await attach('device', policy(allow('iot:Connect', `${ARN}:client/sensor-1`)));

    const code = await lab.refusedConnect('intruder', sensor);

    expect(code).toBe(5);
    const [refusal] = refusals(lab.events);
    expect(refusal).toMatchObject({ action: 'connect', target: 'intruder' });
    expect(refusal!.refusal).toMatchObject({
      code: 'connect-not-authorized',
      title: 'iot:Connect denied by IoT policy',
      rule: 'AWS IoT: connect-policy',
    });
    expect(refusal!.refusal.message).toMatch(
      new RegExp(
        `^iot:Connect on ${ARN}:client/intruder denied: no statement allows it \\(nearest: ` +
          'policy "device" version 1 Statement\\[0\\]: .+\\)\\. The broker answered CONNACK ' +
          '0x05 \\(not authorized\\) and closed the connection\\.$',
      ),
    );
    expect(refusal!.refusal.explanation).toMatchObject({
      outcome: 'implicitly-denied',
      action: 'iot:Connect',
      resource: `${ARN}:client/intruder`,
      nearest: { policy: 'device', version: '1', at: 'Statement[0]', attachedTo: 'principal' },
    });
    expect(lab.events.filter((e) => e.type === 'connect')).toEqual([]);
    expect((await lab.connect('sensor-1', sensor)).connected).toBe(true);
  });

  it('flow-02, explicit: a Deny on the client ID names its statement', async () => {
    await attach(
      'device',
      policy(
        allow('iot:Connect', `${ARN}:client/*`),
        deny('iot:Connect', `${ARN}:client/banned-*`, { Sid: 'NoBanned' }),
      ),
    );

    expect(await lab.refusedConnect('banned-1', sensor)).toBe(5);
    const refusal = refusals(lab.events)[0]!.refusal;
    expect(refusal.message).toBe(
      `iot:Connect on ${ARN}:client/banned-1 denied: policy "device" version 1 Statement[1] ` +
        '(Sid "NoBanned") denies it, and an explicit Deny overrides every Allow. The broker ' +
        'answered CONNACK 0x05 (not authorized) and closed the connection.',
    );
    expect(refusal.explanation?.deciding).toEqual({
      policy: 'device',
      version: '1',
      attachedTo: 'principal',
      at: 'Statement[1]',
      sid: 'NoBanned',
    });
  });

  it('a CONNECT whose will topic the device may not publish to is refused at CONNECT', async () => {
    await attach(
      'device',
      policy(
        allow('iot:Connect', `${ARN}:client/sensor-1`),
        allow('iot:Publish', `${ARN}:topic/status/sensor-1`),
      ),
    );

    const refused = await lab.refusedConnect('sensor-1', sensor, {
      will: { topic: 'status/everyone', payload: Buffer.from('gone'), qos: 0, retain: false },
    });
    const allowed = await lab.connect('sensor-1', sensor, {
      will: { topic: 'status/sensor-1', payload: Buffer.from('gone'), qos: 0, retain: false },
    });

    expect(refused).toBe(5);
    expect(allowed.connected).toBe(true);
    expect(refusals(lab.events).map((e) => [e.action, e.target, e.refusal.code])).toEqual([
      ['connect', 'sensor-1', 'will-not-authorized'],
    ]);
  });

  it(flow('flow-03').title, async () => {
    await attach(
      'device',
      policy(
        allow('iot:Connect', `${ARN}:client/sensor-1`),
        allow('iot:Subscribe', `${ARN}:topicfilter/a/1`),
      ),
    );
    const device = await lab.connect('sensor-1', sensor);

    const suback = nextSuback(device);
    device.subscribe({ 'a/1': { qos: 1 }, 'b/1': { qos: 1 } });

    expect(await suback).toEqual([0x01, 0x80]);
    expect(device.connected).toBe(true);
    const refused = refusals(lab.events);
    expect(refused.map((e) => [e.action, e.target, e.refusal.code])).toEqual([
      ['subscribe', 'b/1', 'subscribe-not-authorized'],
    ]);
    expect(refused[0]!.refusal.explanation?.resource).toBe(`${ARN}:topicfilter/b/1`);
    expect(
      lab.events
        .filter((e) => e.type === 'subscribe')
        .map((e) => e.type === 'subscribe' && e.filter),
    ).toEqual(['a/1']);
  });

  it(flow('flow-07').title, async () => {
    await attach(
      'device',
      policy(
        allow('iot:Connect', `${ARN}:client/sensor-1`),
        allow('iot:Publish', `${ARN}:topic/a/ok`),
      ),
    );
    const device = await lab.connect('sensor-1', sensor);
    const pubacks: number[] = [];
    device.on('packetreceive', (packet) => {
      if (packet.cmd === 'puback') pubacks.push(packet.messageId!);
    });
    await device.publishAsync('a/ok', 'fine', { qos: 1 });

    const gone = closed(device);
    device.publish('a/secret', 'leak', { qos: 1 });
    await gone;

    expect(pubacks).toHaveLength(1);
    const refused = refusals(lab.events);
    expect(refused.map((e) => [e.action, e.target, e.refusal.code])).toEqual([
      ['publish', 'a/secret', 'publish-not-authorized'],
    ]);
    expect(refused[0]!.refusal.message).toMatch(
      new RegExp(
        `^iot:Publish on ${ARN}:topic/a/secret denied: no statement allows it \\(nearest: ` +
          'policy "device" version 1 Statement\\[1\\]: .*\\)\\. AWS IoT closes an MQTT 3.1.1 ' +
          'connection whose PUBLISH is denied, so the lab closed it too, without a PUBACK\\.$',
      ),
    );
    await expect
      .poll(() => lab.events.find((e) => e.type === 'disconnect'))
      .toMatchObject({
        reason: 'refused publish to a/secret (publish-not-authorized)',
      });
  });

  it('flow-07, retained: a retained PUBLISH also needs iot:RetainPublish', async () => {
    await attach(
      'device',
      policy(
        allow('iot:Connect', `${ARN}:client/sensor-1`),
        allow('iot:Publish', `${ARN}:topic/a/*`),
      ),
    );
    const device = await lab.connect('sensor-1', sensor);

    const gone = closed(device);
    device.publish('a/state', 'on', { qos: 0, retain: true });
    await gone;

    expect(refusals(lab.events).map((e) => [e.action, e.target, e.refusal.code])).toEqual([
      ['publish', 'a/state', 'retain-not-authorized'],
    ]);
  });

  it(flow('flow-08').title, async () => {
    await attach(
      'device',
      policy(
        allow('iot:Connect', `${ARN}:client/sensor-1`),
        allow('iot:Subscribe', `${ARN}:topicfilter/device/#`),
        allow('iot:Receive', `${ARN}:topic/device/*`),
        deny('iot:Receive', `${ARN}:topic/device/update`, { Sid: 'NoUpdates' }),
      ),
    );
    const device = await lab.connect('sensor-1', sensor);
    const console_ = await lab.connect('console');
    const toDevice = messages(device);
    const toConsole = messages(console_);
    await device.subscribeAsync('device/#', { qos: 1 });
    await console_.subscribeAsync('device/#', { qos: 1 });

    await console_.publishAsync('device/update', 'one', { qos: 1 });
    await console_.publishAsync('device/other', 'two', { qos: 1 });

    await expect.poll(() => toDevice).toEqual(['device/other two']);
    await expect.poll(() => toConsole).toEqual(['device/update one', 'device/other two']);
    expect(device.connected).toBe(true);
    const refused = refusals(lab.events);
    expect(refused.map((e) => [e.clientId, e.action, e.target, e.refusal.code])).toEqual([
      ['sensor-1', 'receive', 'device/update', 'receive-not-authorized'],
    ]);
    expect(refused[0]!.refusal.message).toBe(
      `iot:Receive on ${ARN}:topic/device/update denied: policy "device" version 1 ` +
        'Statement[3] (Sid "NoUpdates") denies it, and an explicit Deny overrides every Allow. ' +
        'This message was not delivered to this client; its subscription stays.',
    );
  });

  it(flow('flow-22').title, async () => {
    await attach(
      'device',
      policy(
        allow('iot:Connect', `${ARN}:client/sensor-1`),
        allow('iot:Subscribe', `${ARN}:topicfilter/a/#`),
      ),
    );
    const device = await lab.connect('sensor-1', sensor);
    await device.subscribeAsync('a/#');

    await device.unsubscribeAsync('a/#');
    await device.unsubscribeAsync('never/allowed/#');

    expect(device.connected).toBe(true);
    expect(refusals(lab.events)).toEqual([]);
    await expect
      .poll(() =>
        lab.events
          .filter((e) => e.type === 'unsubscribe')
          .map((e) => e.type === 'unsubscribe' && e.filter),
      )
      .toEqual(['a/#', 'never/allowed/#']);
  });

  it(flow('flow-27').title, async () => {
    const open = [
      allow('iot:Connect', `${ARN}:client/sensor-1`),
      allow('iot:Subscribe', `${ARN}:topicfilter/device/#`),
      allow('iot:Receive', `${ARN}:topic/device/*`),
    ];
    await attach('device', policy(...open));
    const device = await lab.connect('sensor-1', sensor);
    const console_ = await lab.connect('console');
    const toDevice = messages(device);
    await device.subscribeAsync('device/#', { qos: 1 });
    await console_.publishAsync('device/update', 'before', { qos: 1 });
    await expect.poll(() => toDevice).toEqual(['device/update before']);

    await lab.registry.createPolicyVersion(
      'device',
      policy(...open, deny('iot:Receive', `${ARN}:topic/device/update`)),
      { setAsDefault: true },
    );
    await console_.publishAsync('device/update', 'after', { qos: 1 });
    await console_.publishAsync('device/other', 'still', { qos: 1 });

    await expect.poll(() => toDevice).toEqual(['device/update before', 'device/other still']);
    const refusal = refusals(lab.events)[0]!.refusal;
    expect(refusal.explanation).toMatchObject({
      outcome: 'explicitly-denied',
      deciding: { policy: 'device', version: '2', at: 'Statement[3]' },
      note: NOTE,
    });
  });

  it(flow('flow-19').title, async () => {
    await attach('device', policy(allow('iot:Connect', `${ARN}:client/sensor-1`)));
    const device = await lab.connect('sensor-1', sensor);
    const gone = closed(device);

    await lab.registry.updateCertificate(sensor.certificateId, 'INACTIVE');
    await gone;

    await expect
      .poll(() => lab.events.find((e) => e.type === 'disconnect'))
      .toMatchObject({
        clientId: 'sensor-1',
        reason: 'certificate-not-active: The device certificate is not ACTIVE',
      });
    expect(await lab.refusedConnect('sensor-1', sensor)).toBe(5);
    expect(refusals(lab.events).at(-1)?.refusal.message).toMatch(
      /^Certificate [0-9a-f]{8}… \(CN=sensor-1\) is INACTIVE, and only an ACTIVE certificate may connect/,
    );
  });

  it('the console (no certificate) may still do everything while devices are checked', async () => {
    await attach('device', policy(allow('iot:Connect', `${ARN}:client/sensor-1`)));
    const console_ = await lab.connect('anyone');
    const got = messages(console_);

    await console_.subscribeAsync('#', { qos: 1 });
    await console_.publishAsync('anything/at/all', 'hi', { qos: 1, retain: true });

    await expect.poll(() => got).toEqual(['anything/at/all hi']);
    expect(refusals(lab.events)).toEqual([]);
  });
});
