/**
 * The corpus flows about the broker's own MQTT 3.1.1 behaviour rather than IoT policies (10,
 * 12, 15, 16, 21, 23, 25), each run against both lab brokers with real mqtt.js clients; flow-25
 * writes its packets by hand, as no client library sends two CONNECTs.
 *
 * Not tested here: flows 01, 05, 06 and 24 are MQTT 5 only (reason codes, Assigned Client
 * Identifier), and the lab speaks MQTT 3.1.1. The lab does not throttle CONNECTs to one per
 * second per client ID (flow-26): that would refuse the course's own widgets and tests, which
 * reconnect at once with the same client ID.
 */
import type { MqttClient, Packet } from 'mqtt';
import type { Duplex } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabEvent } from '../../../src/core/lab/lab-event.ts';
import { ARN, BROKER_KINDS, startDeviceLab, type DeviceLab } from './device-lab.ts';
import { flow } from './flows.ts';

function refusals(events: LabEvent[]) {
  return events.flatMap((e) => (e.type === 'refusal' ? [e] : []));
}

function disconnects(events: LabEvent[]) {
  return events.flatMap((e) => (e.type === 'disconnect' ? [e] : []));
}

function closed(client: MqttClient): Promise<void> {
  return new Promise((resolve) => client.once('close', () => resolve()));
}

/** The next packet of this kind the client receives, as mqtt.js parsed it. */
function next<K extends Packet['cmd']>(
  client: MqttClient,
  cmd: K,
): Promise<Extract<Packet, { cmd: K }>> {
  return new Promise((resolve) => {
    const listen = (packet: Packet) => {
      if (packet.cmd !== cmd) return;
      client.off('packetreceive', listen);
      resolve(packet as Extract<Packet, { cmd: K }>);
    };
    client.on('packetreceive', listen);
  });
}

/** Every PUBLISH the client receives, in order. */
function publishes(client: MqttClient) {
  const got: { topic: string; payload: string; retain: boolean; qos: number }[] = [];
  client.on('message', (topic, payload, packet) =>
    got.push({ topic, payload: payload.toString(), retain: packet.retain, qos: packet.qos }),
  );
  return got;
}

/** An MQTT 3.1.1 CONNECT with a clean session and a 60 s keep-alive (§3.1), as bytes. */
function connectPacket(clientId: string): Buffer {
  const id = Buffer.from(clientId, 'utf8');
  const variableHeader = [0, 4, ...Buffer.from('MQTT'), 4, 0b0000_0010, 0, 60];
  const remaining = variableHeader.length + 2 + id.length;
  return Buffer.from([0x10, remaining, ...variableHeader, id.length >> 8, id.length & 0xff, ...id]);
}

/** Everything the broker writes to a raw connection until it closes it. */
function collect(stream: Duplex): { bytes: number[]; ended: Promise<void> } {
  const bytes: number[] = [];
  stream.on('data', (chunk: Buffer) => bytes.push(...chunk));
  const ended = new Promise<void>((resolve) => stream.once('close', () => resolve()));
  return { bytes, ended };
}

const CONNACK_ACCEPTED = [0x20, 0x02, 0x00, 0x00];

describe.each(BROKER_KINDS)('%s: the broker’s MQTT 3.1.1 behaviour', (kind) => {
  let lab: DeviceLab;

  beforeEach(async () => {
    lab = await startDeviceLab(kind);
  });
  afterEach(async () => {
    await lab.close();
  });

  it(flow('flow-10').title, async () => {
    const first = await lab.connect('lamp-1');
    const firstClosed = closed(first);

    const second = await lab.connect('lamp-1');
    await firstClosed;

    expect(first.connected).toBe(false);
    expect(second.connected).toBe(true);
    await vi.waitFor(() => expect(disconnects(lab.events)).toHaveLength(1));
    expect(disconnects(lab.events)[0]).toMatchObject({
      clientId: 'lamp-1',
      reason: 'taken over: a new connection used the same client ID [MQTT-3.1.4-2]',
    });
    // aedes announces a client once its CONNACK is sent and its queue emptied, a tick later.
    await vi.waitFor(() => expect(lab.events.filter((e) => e.type === 'connect')).toHaveLength(2));
  });

  it(`${flow('flow-12').title}: the lab grants QoS 1`, async () => {
    const listener = await lab.connect('listener');
    const talker = await lab.connect('talker');
    const got = publishes(listener);

    const suback = next(listener, 'suback');
    await listener.subscribeAsync('lamp/state', { qos: 2 });

    expect((await suback).granted).toEqual([1]);
    expect(lab.events).toContainEqual(
      expect.objectContaining({ type: 'subscribe', filter: 'lamp/state', qos: 1 }),
    );
    await talker.publishAsync('lamp/state', 'on', { qos: 2 });
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(got[0]).toMatchObject({ topic: 'lamp/state', payload: 'on', qos: 1 });
  });

  /** A device whose policy allows every iot: action, so only the quota can refuse it. */
  const unlimitedDevice = async (clientId: string) => {
    const identity = await lab.device(clientId);
    const everything = { Effect: 'Allow', Action: 'iot:*', Resource: `${ARN}:*` };
    await lab.registry.createPolicy('all', JSON.stringify({ Statement: [everything] }));
    await lab.registry.attachPolicy('all', identity.certificateId);
    return lab.connect(clientId, identity);
  };

  it(`${flow('flow-15').title}: a device is refused and disconnected`, async () => {
    const sensor = await unlimitedDevice('sensor-1');
    const sensorClosed = closed(sensor);

    sensor.publish('a/b/c/d/e/f/g/h/i', 'deep', { qos: 1 });
    await sensorClosed;

    const [refusal] = refusals(lab.events);
    expect(refusal).toMatchObject({ action: 'publish', target: 'a/b/c/d/e/f/g/h/i' });
    expect(refusal!.refusal).toEqual({
      code: 'topic-too-deep',
      title: 'More than 8 topic levels',
      message:
        "The topic name 'a/b/c/d/e/f/g/h/i' has 8 '/' separators, so 9 levels; AWS IoT Core " +
        "allows at most 7 '/' (8 levels). The 8th '/' is character 16 (level 8 'h'); merge or " +
        'drop levels. The broker refused the PUBLISH and closed the connection.',
      rule: 'AWS-topic-depth',
    });
    await vi.waitFor(() => expect(disconnects(lab.events)).toHaveLength(1));
    expect(disconnects(lab.events)[0]!.reason).toBe(
      'refused publish to a/b/c/d/e/f/g/h/i (topic-too-deep)',
    );
  });

  it('flow-15, filter: SUBACK 0x80 for a device’s 8-slash filter; it stays connected', async () => {
    const sensor = await unlimitedDevice('sensor-1');

    const suback = next(sensor, 'suback');
    sensor.subscribe({ 'a/b/c/d/e/f/g/h/#': { qos: 1 }, 'a/b/c/d/e/f/g/#': { qos: 1 } });

    expect((await suback).granted).toEqual([0x80, 1]);
    const [refusal] = refusals(lab.events);
    expect(refusal).toMatchObject({ action: 'subscribe', target: 'a/b/c/d/e/f/g/h/#' });
    expect(refusal!.refusal).toMatchObject({ code: 'topic-too-deep', rule: 'AWS-topic-depth' });
    expect(refusal!.refusal.message).toMatch(/The broker answered SUBACK 0x80 for this filter\.$/);
    expect(sensor.connected).toBe(true);
  });

  it('flow-15: 7 slashes pass; Basic Ingest’s $aws/rules/<rule>/ is not counted', async () => {
    const sensor = await unlimitedDevice('sensor-1');

    await sensor.publishAsync('a/b/c/d/e/f/g/h', 'seven', { qos: 1 });
    await sensor.publishAsync('$aws/rules/store/a/b/c/d/e/f/g/h', 'ingest', { qos: 1 });

    expect(refusals(lab.events)).toEqual([]);
    expect(sensor.connected).toBe(true);
  });

  // tests/unit/lab/broker-rules.test.ts lets every client publish to 10 levels, as plain MQTT
  // does, so the quota is a device's only: the console still shows plain MQTT.
  it('flow-15, console: a client without a certificate is not held to the AWS depth', async () => {
    const fromConsole = await lab.connect('console');

    await fromConsole.publishAsync('a/b/c/d/e/f/g/h/i', 'deep', { qos: 1 });

    expect(refusals(lab.events)).toEqual([]);
    expect(fromConsole.connected).toBe(true);
  });

  it.each([
    [10, 30],
    [0, 1200],
    [5000, 1200],
    [60, 60],
  ])(`${flow('flow-16').title}: asked %i s, held to %i s`, async (asked, inForce) => {
    await lab.connect('lamp-1', undefined, { keepalive: asked });

    // The connect event reads the interval of the timer aedes actually set.
    await vi.waitFor(() => expect(lab.events.filter((e) => e.type === 'connect')).toHaveLength(1));
    const [connect] = lab.events;
    expect(connect).toMatchObject({ type: 'connect', keepalive: inForce });
    expect(connect).toEqual(
      asked === inForce
        ? expect.not.objectContaining({ keepaliveAsked: expect.anything() })
        : expect.objectContaining({ keepaliveAsked: asked }),
    );
  });

  it(flow('flow-21').title, async () => {
    const talker = await lab.connect('talker');
    await talker.publishAsync('lamp/state', 'on', { qos: 1, retain: true });
    const early = await lab.connect('early');
    const heardEarly = publishes(early);
    await early.subscribeAsync('lamp/state', { qos: 1 });
    await vi.waitFor(() => expect(heardEarly).toHaveLength(1));

    await talker.publishAsync('lamp/state', '', { qos: 1, retain: true });
    await vi.waitFor(() => expect(heardEarly).toHaveLength(2));
    expect(heardEarly).toEqual([
      { topic: 'lamp/state', payload: 'on', retain: true, qos: 1 },
      { topic: 'lamp/state', payload: '', retain: false, qos: 1 },
    ]);

    const late = await lab.connect('late');
    const heardLate = publishes(late);
    await late.subscribeAsync('lamp/state', { qos: 1 });
    // A plain message after the SUBACK: whatever was retained would have come before it.
    await late.publishAsync('lamp/state', 'marker', { qos: 1 });
    await vi.waitFor(() => expect(heardLate).toHaveLength(1));

    expect(heardLate).toEqual([{ topic: 'lamp/state', payload: 'marker', retain: false, qos: 1 }]);
  });

  it(`${flow('flow-23').title}: CONNACK 0x02, identifier rejected`, async () => {
    const code = await lab.refusedConnect('$foo');

    expect(code).toBe(2);
    const [refusal] = refusals(lab.events);
    expect(refusal).toMatchObject({ action: 'connect', target: '$foo' });
    expect(refusal!.refusal).toEqual({
      code: 'reserved-client-id',
      title: "Client IDs starting with '$' are reserved",
      message:
        "The client ID '$foo' starts with '$', which AWS IoT Core keeps for client IDs it " +
        'generates itself. The broker answered CONNACK 0x02 (identifier rejected) and closed ' +
        "the connection. Connect with an ID without the '$', such as 'foo'.",
      rule: 'AWS IoT Core quotas: client ID prefix',
    });
    expect(lab.events.filter((e) => e.type === 'connect')).toEqual([]);
  });

  it(flow('flow-25').title, async () => {
    const raw = lab.rawConnection();
    const { bytes, ended } = collect(raw);

    raw.write(connectPacket('twice'));
    await vi.waitFor(() => expect(bytes).toEqual(CONNACK_ACCEPTED));
    raw.write(connectPacket('twice'));
    await ended;

    expect(bytes).toEqual(CONNACK_ACCEPTED);
    await vi.waitFor(() => expect(disconnects(lab.events)).toHaveLength(1));
    expect(disconnects(lab.events)[0]).toMatchObject({
      clientId: 'twice',
      reason: 'protocol error: a second CONNECT on the same connection [MQTT-3.1.0-2]',
    });
  });
});
