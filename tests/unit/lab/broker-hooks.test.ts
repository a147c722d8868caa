import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  createBrokerHooks,
  type BrokerHookOptions,
  type LabClient,
  type LabPublishPacket,
} from '../../../src/core/lab/broker-hooks.ts';
import type { LabEvent } from '../../../src/core/lab/lab-event.ts';

/** A client as aedes leaves it: what it declares, plus the two fields it does not. */
interface FakeClient {
  id: string;
  clean: boolean;
  _keepaliveInterval?: number;
  _disconnected?: boolean;
}

/** The hooks with a fake broker in front: no aedes, only the events it would raise. */
function setUp(extra: Partial<BrokerHookOptions<FakeClient, LabPublishPacket>> = {}) {
  const events: Array<{ event: LabEvent; about: LabClient }> = [];
  const broker = new EventEmitter();
  const hooks = createBrokerHooks<FakeClient>({
    origin: (client) => ({ transport: 'tcp', address: `address of ${client.id}` }),
    emit: (event, about) => events.push({ event, about }),
    ...extra,
  });
  hooks.attach(broker);
  const connect = (id: string, client: FakeClient = { id, clean: true }) => {
    hooks.preConnect(client, { clientId: id }, () => {});
    broker.emit('client', client);
    broker.emit('clientReady', client);
    return client;
  };
  const reasonOf = (client: FakeClient) => {
    broker.emit('clientDisconnect', client);
    const last = events.at(-1)?.event;
    return last?.type === 'disconnect' ? last.reason : undefined;
  };
  return { hooks, broker, events, connect, reasonOf };
}

describe('the lab broker hooks', () => {
  it('announces a connection with its origin, clean flag and keep-alive in seconds', () => {
    const { events, connect } = setUp();

    const device = connect('device', { id: 'device', clean: false, _keepaliveInterval: 30_001 });
    connect('sensor', { id: 'sensor', clean: true, _keepaliveInterval: -1 });

    expect(events).toEqual([
      {
        about: device,
        event: {
          time: expect.any(String),
          clientId: 'device',
          transport: 'tcp',
          type: 'connect',
          address: 'address of device',
          cleanSession: false,
          keepalive: 20,
        },
      },
      expect.objectContaining({ event: expect.objectContaining({ keepalive: 0 }) }),
    ]);
  });

  it('tells the connection taken over by a reused client ID why it ended', () => {
    const { hooks, connect, reasonOf } = setUp();
    const first = connect('twin');
    const second = { id: 'twin', clean: true };
    const answer = vi.fn();

    hooks.preConnect(second, { clientId: 'twin' }, answer);

    expect(answer).toHaveBeenCalledWith(null, true);
    expect(reasonOf(first)).toBe(
      'taken over: a new connection used the same client ID [MQTT-3.1.4-2]',
    );
  });

  it('refuses a publish to $SYS with an event, an error and the reason the line closes', () => {
    const { hooks, events, connect, reasonOf } = setUp();
    const device = connect('device');
    const answer = vi.fn();

    hooks.authorizePublish(device, { topic: '$SYS/broker/uptime' }, answer);

    expect(events.at(-1)).toEqual({
      about: device,
      event: expect.objectContaining({
        type: 'refusal',
        action: 'publish',
        target: '$SYS/broker/uptime',
        refusal: expect.objectContaining({ code: 'reserved-topic' }),
      }),
    });
    expect(answer).toHaveBeenCalledWith(expect.any(Error));
    expect(answer.mock.calls[0]?.[0].message).toMatch(/under \$SYS\//);
    expect(reasonOf(device)).toBe('refused publish to $SYS/broker/uptime (reserved-topic)');
  });

  it('refuses an invalid filter with SUBACK 0x80 and keeps the connection', () => {
    const { hooks, broker, events, connect, reasonOf } = setUp();
    const device = connect('device');
    const answer = vi.fn();

    hooks.authorizeSubscribe(device, { topic: 'lab/\u0000', qos: 1 }, answer);
    broker.emit('subscribe', [{ topic: 'lab/\u0000', qos: 0x80 }], device);

    expect(answer).toHaveBeenCalledWith(null, null);
    expect(events.slice(1).map(({ event }) => event)).toEqual([
      expect.objectContaining({
        type: 'refusal',
        action: 'subscribe',
        target: 'lab/\u0000',
        refusal: expect.objectContaining({ code: 'invalid-topic-filter' }),
      }),
    ]);
    expect(reasonOf(device)).toBe('connection lost');
  });

  it('reports granted subscriptions and unsubscriptions, not the filters refused with 0x80', () => {
    const { hooks, broker, events, connect } = setUp();
    const device = connect('device');
    const granted = { topic: 'lab/#', qos: 1 };
    const answer = vi.fn();

    hooks.authorizeSubscribe(device, granted, answer);
    broker.emit('subscribe', [granted, { topic: 'lab/+x', qos: 0x80 }], device);
    broker.emit('unsubscribe', ['lab/#'], device);

    expect(answer).toHaveBeenCalledWith(null, granted);
    expect(events.slice(1).map(({ event }) => event)).toEqual([
      expect.objectContaining({ type: 'subscribe', filter: 'lab/#', qos: 1 }),
      expect.objectContaining({ type: 'unsubscribe', filter: 'lab/#' }),
    ]);
  });

  it.each([
    ['client sent DISCONNECT', [], true],
    ['connection lost', [], false],
    [
      'no packet within 1.5 x keep-alive [MQTT-3.1.2-24]',
      ['keepaliveTimeout', 'clientError'],
      false,
    ],
    ['protocol error: Invalid header flag bits', ['clientError', 'keepaliveTimeout'], true],
  ])('says a connection ended with %j', (reason, happened, sentDisconnect) => {
    const { broker, connect, reasonOf } = setUp();
    const device = connect('device');

    for (const what of happened) {
      broker.emit(what, device, new Error('Invalid header flag bits'));
    }
    device._disconnected = sentDisconnect;

    expect(reasonOf(device)).toBe(reason);
  });
});

describe('an allowed publish', () => {
  it('goes on at once when there is nothing to do first', () => {
    const { hooks, events, connect } = setUp();
    const device = connect('device');
    const answer = vi.fn();

    hooks.authorizePublish(device, { topic: 'lab/hello' }, answer);

    expect(answer).toHaveBeenCalledWith(null);
    expect(events).toHaveLength(1);
  });

  it('waits for the adapter to finish with it first, such as keeping a retained message', async () => {
    let finish = () => {};
    const beforeAllowedPublish = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { hooks, connect } = setUp({ beforeAllowedPublish });
    const device = connect('device');
    const answer = vi.fn();
    const packet = { topic: 'lab/kept', retain: true };

    hooks.authorizePublish(device, packet, answer);
    expect(beforeAllowedPublish).toHaveBeenCalledWith(packet);
    expect(answer).not.toHaveBeenCalled();
    finish();

    await vi.waitFor(() => expect(answer).toHaveBeenCalledWith(null));
  });

  it('from the broker itself skips the rules and the adapter, even on $SYS', () => {
    const beforeAllowedPublish = vi.fn(async () => {});
    const { hooks, events } = setUp({ beforeAllowedPublish });
    const answer = vi.fn();

    hooks.authorizePublish(null, { topic: '$SYS/broker/uptime', retain: true }, answer);

    expect(answer).toHaveBeenCalledWith(null);
    expect(beforeAllowedPublish).not.toHaveBeenCalled();
    expect(events).toEqual([]);
  });
});
