import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HOST, rawMqtt, startLab, type Lab } from './lab-harness.ts';

let lab: Lab;
const clients = new Set<MqttClient>();

beforeAll(async () => {
  lab = await startLab();
});
afterEach(async () => {
  await Promise.all([...clients].map((client) => client.endAsync(true)));
  clients.clear();
});
afterAll(async () => {
  await lab?.stop();
});

async function connect(url: string, clientId: string, options: IClientOptions = {}) {
  const client = await mqtt.connectAsync(url, {
    clientId,
    protocolVersion: 4,
    reconnectPeriod: 0,
    connectTimeout: 2000,
    ...options,
  });
  clients.add(client);
  return client;
}

function closed(client: MqttClient): Promise<void> {
  return new Promise((resolve) => client.once('close', () => resolve()));
}

function messages(client: MqttClient) {
  const got: { topic: string; payload: Buffer; qos: number; retain: boolean }[] = [];
  client.on('message', (topic, payload, packet) => {
    got.push({ topic, payload, qos: packet.qos, retain: packet.retain });
  });
  return got;
}

describe.each([
  ['tcp', () => `mqtt://${HOST}:${lab.server.mqttPort}`],
  ['ws', () => `ws://${HOST}:${lab.server.port}/mqtt`],
] as const)('MQTT over %s', (via, url) => {
  const id = (name: string) => `${via}-${name}`;

  it.each([0, 1] as const)(
    'delivers a QoS %i publish to a subscriber byte for byte',
    async (qos) => {
      const topic = `lab/${via}/bytes/${qos}`;
      const payload = Buffer.from([0x00, 0xff, 0x0a, 0x80, ...Buffer.from('héllo')]);
      const subscriber = await connect(url(), id(`sub${qos}`));
      const got = messages(subscriber);
      await subscriber.subscribeAsync(topic, { qos });
      const publisher = await connect(url(), id(`pub${qos}`));

      await publisher.publishAsync(topic, payload, { qos });
      await expect.poll(() => got.length).toBe(1);

      expect(got).toEqual([{ topic, payload, qos, retain: false }]);
      expect(lab.logged()).toContain(
        `lab:mqtt subscribe client=${id(`sub${qos}`)} via=${via} filter=${topic} qos=${qos}`,
      );
    },
  );

  it('a later subscriber gets the retained message, flagged as retained', async () => {
    const topic = `lab/${via}/lamp/state`;
    const publisher = await connect(url(), id('retainer'));
    await publisher.publishAsync(topic, 'on', { qos: 1, retain: true });
    await publisher.endAsync();

    const late = await connect(url(), id('late'));
    const got = messages(late);
    await late.subscribeAsync(topic, { qos: 1 });
    await expect.poll(() => got.length).toBe(1);

    expect(got).toEqual([{ topic, payload: Buffer.from('on'), qos: 1, retain: true }]);
  });

  it('logs each connection with its transport, address, session and keep-alive', async () => {
    await connect(url(), id('hello'), { keepalive: 30, clean: true });

    expect(await lab.event('connect', id('hello'))).toMatchObject({
      transport: via,
      keepalive: 30,
    });
    expect(lab.logged()).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^lab:mqtt connect client=${id('hello')} via=${via} ` +
            `from=127\\.0\\.0\\.1:\\d+ clean=true keepalive=30$`,
        ),
      ),
    );
  });

  it('a client may not publish to $SYS and is disconnected, with the reason logged', async () => {
    const client = await connect(url(), id('sys'));
    const hungUp = closed(client);

    client.publish('$SYS/x', 'pretend status');
    await hungUp;

    expect(await lab.event('refusal', id('sys'))).toMatchObject({
      transport: via,
      action: 'publish',
      target: '$SYS/x',
      refusal: { code: 'reserved-topic', rule: 'MQTT 3.1.1 §4.7.2' },
    });
    expect(lab.logged()).toContainEqual(
      expect.stringMatching(
        `^lab:mqtt refused publish client=${id('sys')} via=${via} target=\\$SYS/x ` +
          'code=reserved-topic rule="MQTT 3\\.1\\.1 §4\\.7\\.2": The topic name',
      ),
    );
    expect(await lab.event('disconnect', id('sys'))).toMatchObject({
      reason: 'refused publish to $SYS/x (reserved-topic)',
    });
  });

  it('a second client with the same client ID takes over and the first is closed', async () => {
    const first = await connect(url(), id('twin'));
    const firstClosed = closed(first);

    const second = await connect(url(), id('twin'));
    await firstClosed;

    expect(second.connected).toBe(true);
    expect(lab.events.filter((e) => e.clientId === id('twin')).map((e) => e.type)).toEqual([
      'connect',
      'disconnect',
      'connect',
    ]);
  });

  // aedes 1.2 closes the older client before announcing the newer one, so the lab marks the
  // takeover while the new CONNECT is read (preConnect in broker.ts).
  it("the taken-over client's disconnect event says it was taken over", async () => {
    const first = await connect(url(), id('taken'));
    const firstClosed = closed(first);
    await connect(url(), id('taken'));
    await firstClosed;

    const event = await lab.event('disconnect', id('taken'));
    expect(event.reason).toContain('taken over');
  });

  it('logs a clean DISCONNECT as the client leaving', async () => {
    const client = await connect(url(), id('bye'));

    await client.endAsync();

    expect(await lab.event('disconnect', id('bye'))).toMatchObject({
      reason: 'client sent DISCONNECT',
    });
    expect(lab.logged()).toContain(
      `lab:mqtt disconnect client=${id('bye')} via=${via} reason="client sent DISCONNECT"`,
    );
  });
});

describe('a SUBSCRIBE with a filter the lab refuses (raw packets over TCP)', () => {
  const CONNECT = {
    cmd: 'connect',
    protocolId: 'MQTT',
    protocolVersion: 4,
    clean: true,
    keepalive: 0,
  } as const;

  async function session(clientId: string) {
    const raw = rawMqtt(lab.server.mqttPort);
    raw.send({ ...CONNECT, clientId });
    expect(await raw.next()).toMatchObject({ cmd: 'connack', returnCode: 0 });
    return raw;
  }

  it('answers SUBACK 0x80 for a misplaced + and keeps the connection open', async () => {
    const raw = await session('raw-plus');

    raw.send({ cmd: 'subscribe', messageId: 7, subscriptions: [{ topic: 'sport/+x', qos: 1 }] });
    const suback = await raw.next();
    raw.send({ cmd: 'pingreq' });
    const pong = await raw.next();
    raw.close();

    expect(suback).toMatchObject({ cmd: 'suback', messageId: 7, granted: [0x80] });
    expect(pong).toMatchObject({ cmd: 'pingresp' });
    expect(await lab.event('refusal', 'raw-plus')).toMatchObject({
      action: 'subscribe',
      target: 'sport/+x',
      refusal: { code: 'invalid-topic-filter', rule: 'MQTT-4.7.1-3' },
    });
  });

  // aedes lists a refused filter in its 'subscribe' event with qos 128; the lab must not.
  it('raises no subscribe event for a filter it refused', async () => {
    const raw = await session('raw-plus-quiet');
    raw.send({ cmd: 'subscribe', messageId: 1, subscriptions: [{ topic: 'a/+b', qos: 0 }] });
    await raw.next();
    raw.close();

    expect(lab.events.filter((e) => e.clientId === 'raw-plus-quiet').map((e) => e.type)).toEqual([
      'connect',
      'refusal',
    ]);
  });

  // aedes validates filters itself before authorizeSubscribe: for 'sport/tennis#' it drops the
  // connection with no SUBACK, so the lab's refusal (and its advice) never reaches the learner.
  it("drops the connection for 'sport/tennis#' before the lab's rules see it", async () => {
    const raw = await session('raw-hash');

    raw.send({
      cmd: 'subscribe',
      messageId: 8,
      subscriptions: [{ topic: 'sport/tennis#', qos: 0 }],
    });

    expect(await raw.next()).toBe('closed');
    expect(await lab.event('disconnect', 'raw-hash')).toMatchObject({
      reason: 'protocol error: # is only allowed in SUBSCRIBE in the last position',
    });
    expect(lab.events.some((e) => e.clientId === 'raw-hash' && e.type === 'refusal')).toBe(false);
  });
});
