import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import type { Duplex as NodeDuplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../../src/core/lab/lab-event.ts';
import {
  createInPageBroker,
  type InPageBroker,
} from '../../../src/browser/in-page-lab/lab-broker.ts';
import { portStream, sendEvent } from '../../../src/browser/in-page-lab/port-stream.ts';
import { openRegistryStore } from '../../../src/browser/in-page-lab/registry-store.ts';
import { retainedMessages } from '../../../src/browser/in-page-lab/retained-messages.ts';
import { createLabBroker } from '../../../src/sandbox/broker.ts';
import { createLogger } from '../../../src/sandbox/log.ts';
import {
  closed,
  connectThroughPort,
  received,
  type AcceptPort,
  type PortClient,
} from './port-client.ts';

/** A broker under test: where its connections go, its events, and how to stop it. */
interface Subject {
  accept: AcceptPort;
  events: LabEvent[];
  close(): Promise<void>;
}

const subjects: Subject[] = [];
const clients: PortClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map(({ client }) => client.endAsync(true)));
  await Promise.all(subjects.splice(0).map((subject) => subject.close()));
});

async function inPage(
  options: { indexedDB?: IDBFactory } = {},
): Promise<Subject & { broker: InPageBroker }> {
  const events: LabEvent[] = [];
  const retained = options.indexedDB
    ? retainedMessages(await openRegistryStore({ factory: options.indexedDB }))
    : undefined;
  const broker = await createInPageBroker({
    onEvent: (event) => events.push(event),
    onWarning: (message) => {
      throw new Error(`unexpected warning: ${message}`);
    },
    ...(retained && { retained }),
  });
  const subject = {
    broker,
    events,
    accept: ({ port }: { port: MessagePort }) =>
      broker.handle(portStream(port), (event) => sendEvent(port, event)),
    close: () => broker.close(),
  };
  subjects.push(subject);
  return subject;
}

async function labServer(): Promise<Subject> {
  const events: LabEvent[] = [];
  const broker = await createLabBroker(createLogger('lab:mqtt', 'silent', () => {}));
  broker.events.on('event', (event) => events.push(event));
  const subject = {
    events,
    accept: ({ port }: { port: MessagePort }) =>
      broker.handle(portStream(port) as unknown as NodeDuplex, 'ws', '127.0.0.1:1'),
    close: () => broker.close(),
  };
  subjects.push(subject);
  return subject;
}

async function connect(subject: Subject, clientId: string, keepalive = 30) {
  const found = await connectThroughPort(subject.accept, clientId, { keepalive });
  clients.push(found);
  return found;
}

/** The same things done to a broker: refusals, a takeover, and a clean goodbye. */
async function scenario(subject: Subject) {
  const device = await connect(subject, 'device', 20);
  await device.client.subscribeAsync('lab/x/#', { qos: 1 });
  // The lab answers SUBACK 0x80 for a filter with U+0000 [MQTT-4.7.3-2]; mqtt.js rejects then.
  await expect(device.client.subscribeAsync('lab/\u0000', { qos: 0 })).rejects.toThrow(
    /Subscribe error/,
  );
  await device.client.unsubscribeAsync('lab/x/#');
  const deviceClosed = closed(device.client);
  device.client.publish('$SYS/broker/uptime', 'forged');
  await deviceClosed;

  const first = await connect(subject, 'twin');
  const firstClosed = closed(first.client);
  const second = await connect(subject, 'twin');
  await firstClosed;
  // aedes announces a client once CONNACK is out; a client that left at once could beat it.
  const twinsConnected = () =>
    subject.events.filter((e) => e.type === 'connect' && e.clientId === 'twin');
  await expect.poll(() => twinsConnected().length).toBe(2);
  await second.client.endAsync();

  await expect.poll(() => subject.events.filter((e) => e.type === 'disconnect').length).toBe(3);
  return { device, first, second };
}

/** An event without what differs by nature between brokers: the time and the way in. */
function comparable(event: LabEvent) {
  const { time: _time, transport: _transport, ...rest } = event;
  if ('address' in rest) return { ...rest, address: '(address)' };
  return rest;
}

describe('the in-page broker beside the lab server', () => {
  it('raises the same lab events as the lab server for the same scenario', async () => {
    const server = await labServer();
    const page = await inPage();

    await scenario(server);
    await scenario(page);

    expect(page.events.map(comparable)).toEqual(server.events.map(comparable));
    expect(new Set(page.events.map((e) => e.transport))).toEqual(new Set(['in-page']));
    expect(page.events.map((e) => `${e.type} ${e.clientId}`)).toEqual([
      'connect device',
      'subscribe device',
      'refusal device',
      'unsubscribe device',
      'refusal device',
      'disconnect device',
      'connect twin',
      'disconnect twin',
      'connect twin',
      'disconnect twin',
    ]);
  });

  it('tells each connection only the events about it, and the one taken over why', async () => {
    const page = await inPage();

    const { device, first, second } = await scenario(page);

    expect(device.events.map((e) => e.type)).toEqual([
      'connect',
      'subscribe',
      'refusal',
      'unsubscribe',
      'refusal',
    ]);
    expect(first.events.map((e) => e.type)).toEqual(['connect', 'disconnect']);
    expect(first.events[1]).toMatchObject({
      reason: 'taken over: a new connection used the same client ID [MQTT-3.1.4-2]',
    });
    expect(second.events.map((e) => e.type)).toEqual(['connect']);
  });
});

describe('retained messages in the in-page registry', () => {
  it('saves a retained publish before the PUBACK, and a new broker delivers it', async () => {
    const browserStorage = new IDBFactory();
    const before = await inPage({ indexedDB: browserStorage });
    const device = await connect(before, 'device');
    await device.client.publishAsync('lab/kept', Buffer.from([0, 255, 1]), {
      qos: 1,
      retain: true,
    });
    await before.close();

    const after = await inPage({ indexedDB: browserStorage });
    const dashboard = await connect(after, 'dashboard');
    const got: Array<{ topic: string; payload: number[]; retain: boolean }> = [];
    dashboard.client.on('message', (topic, payload, packet) => {
      got.push({ topic, payload: [...payload], retain: packet.retain });
    });
    await dashboard.client.subscribeAsync('lab/#', { qos: 1 });

    await expect
      .poll(() => got)
      .toEqual([{ topic: 'lab/kept', payload: [0, 255, 1], retain: true }]);
  });

  it('forgets a retained message cleared with an empty payload [MQTT-3.3.1-10]', async () => {
    const browserStorage = new IDBFactory();
    const before = await inPage({ indexedDB: browserStorage });
    const device = await connect(before, 'device');
    await device.client.publishAsync('lab/cleared', 'soon gone', { qos: 1, retain: true });
    await device.client.publishAsync('lab/cleared', '', { qos: 1, retain: true });

    const store = await openRegistryStore({ factory: browserStorage });
    expect(await store.list('retained')).toEqual([]);
    store.close();
  });

  it('does not save what the broker itself publishes, such as its $SYS heartbeat', async () => {
    const browserStorage = new IDBFactory();
    const page = await inPage({ indexedDB: browserStorage });

    await new Promise<void>((resolve) =>
      page.broker.aedes.publish(
        {
          cmd: 'publish',
          topic: 'lab/from-broker',
          payload: Buffer.from('x'),
          qos: 0,
          retain: true,
          dup: false,
        },
        () => resolve(),
      ),
    );

    const store = await openRegistryStore({ factory: browserStorage });
    expect(await store.list('retained')).toEqual([]);
    store.close();
  });

  it('keeps plain messages out of the registry', async () => {
    const browserStorage = new IDBFactory();
    const page = await inPage({ indexedDB: browserStorage });
    const device = await connect(page, 'device');
    const got = received(device.client);
    await device.client.subscribeAsync('lab/plain', { qos: 1 });

    await device.client.publishAsync('lab/plain', 'once', { qos: 1 });

    await expect.poll(() => got.length).toBe(1);
    const store = await openRegistryStore({ factory: browserStorage });
    expect(await store.list('retained')).toEqual([]);
    store.close();
  });
});
