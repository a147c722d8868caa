import { Aedes, type Client, type Connection, type PublishPacket, type Subscription } from 'aedes';
import { Buffer } from 'buffer';
import type { Duplex } from 'readable-stream';
import { checkClientPublish, checkClientSubscribe } from '../../core/lab/broker-rules.ts';
import type { LabEvent } from '../../core/lab/lab-event.ts';
import type { RetainedMessages } from './retained-messages.ts';

/*
 * The in-page lab's broker: aedes with the lab server's rules, raising the same LabEvents as
 * src/sandbox/broker.ts for the same things. It uses no Node and no DOM API, so it runs in the
 * worker and, for tests, in Node; tests/unit/in-page-lab/lab-broker.test.ts runs one scenario
 * through both brokers and compares their events.
 */

export interface InPageBrokerOptions {
  /** Hears every lab event, whichever connection it is about. */
  onEvent(event: LabEvent): void;
  /** Hears problems that are the lab's, not the learner's (storage full or blocked). */
  onWarning(message: string): void;
  /** Where retained messages are kept; without it they last as long as the broker. */
  retained?: RetainedMessages;
}

export interface InPageBroker {
  aedes: Aedes;
  /** Hands a connection's byte stream to the broker; `tell` hears the events about it alone. */
  handle(stream: Duplex, tell: (event: LabEvent) => void): void;
  close(): Promise<void>;
}

interface ClientMeta {
  tell: (event: LabEvent) => void;
  /** Why the connection is ending, once the broker knows; the disconnect event reports it. */
  closing?: string;
}

export async function createInPageBroker(options: InPageBrokerOptions): Promise<InPageBroker> {
  const meta = new WeakMap<Client, ClientMeta>();
  const liveById = new Map<string, Client>();

  const emit = (client: Client | null, event: LabEvent) => {
    options.onEvent(event);
    if (client) meta.get(client)?.tell(event);
  };
  const base = (client: Client | null) => ({
    time: new Date().toISOString(),
    clientId: client?.id ?? '',
    transport: 'in-page' as const,
  });
  const closeReason = (client: Client, reason: string) => {
    const found = meta.get(client);
    if (found && !found.closing) found.closing = reason;
  };
  const keepRetained = async (packet: PublishPacket) => {
    if (!packet.retain || !options.retained) return;

    const payload =
      typeof packet.payload === 'string'
        ? new TextEncoder().encode(packet.payload)
        : packet.payload;
    await options.retained
      .save({ topic: packet.topic, payload, qos: packet.qos })
      .catch((error: Error) => {
        options.onWarning(
          `Could not keep the retained message of ${packet.topic}: ${error.message}`,
        );
      });
  };

  const aedes = await Aedes.createBroker({
    // aedes closes the older connection of a reused client ID before it announces the new
    // one, so the takeover is noted here, while the new CONNECT is still being read.
    preConnect(client, packet, callback) {
      const older = liveById.get(packet.clientId);
      if (older && older !== client) {
        closeReason(older, 'taken over: a new connection used the same client ID [MQTT-3.1.4-2]');
      }
      callback(null, true);
    },
    authorizePublish(client, packet, callback) {
      // A null client is the broker itself (a will, $SYS status); the rules are for clients.
      if (!client) return callback(null);

      const refusal = checkClientPublish(packet.topic);
      // aedes sends PUBACK before it stores a message, so a retained one is kept here first:
      // once the client has its PUBACK, the message survives a reload.
      if (!refusal) return void keepRetained(packet).then(() => callback(null));

      emit(client, {
        ...base(client),
        type: 'refusal',
        action: 'publish',
        target: packet.topic,
        refusal,
      });
      closeReason(client, `refused publish to ${packet.topic} (${refusal.code})`);
      callback(new Error(refusal.message));
    },
    authorizeSubscribe(client, subscription, callback) {
      const refusal = checkClientSubscribe(subscription.topic);
      if (!refusal) return callback(null, subscription);

      emit(client, {
        ...base(client),
        type: 'refusal',
        action: 'subscribe',
        target: subscription.topic,
        refusal,
      });
      // A null subscription answers SUBACK 0x80 for this filter and keeps the connection.
      callback(null, null as unknown as Subscription);
    },
  });

  aedes.on('client', (client) => liveById.set(client.id, client));
  aedes.on('clientReady', (client) => {
    const internals = client as unknown as { _keepaliveInterval?: number };
    const interval = internals._keepaliveInterval ?? -1;
    emit(client, {
      ...base(client),
      type: 'connect',
      address: 'this page',
      cleanSession: client.clean,
      keepalive: interval > 0 ? Math.round((interval - 1) / 1500) : 0,
    });
  });
  aedes.on('clientDisconnect', (client) => {
    if (liveById.get(client.id) === client) liveById.delete(client.id);
    const internals = client as unknown as { _disconnected?: boolean };
    const reason =
      meta.get(client)?.closing ??
      (internals._disconnected ? 'client sent DISCONNECT' : 'connection lost');
    emit(client, { ...base(client), type: 'disconnect', reason });
  });
  aedes.on('clientError', (client, error) => {
    closeReason(client, `protocol error: ${error.message}`);
  });
  aedes.on('keepaliveTimeout', (client) => {
    closeReason(client, 'no packet within 1.5 x keep-alive [MQTT-3.1.2-24]');
  });
  aedes.on('subscribe', (subscriptions, client) => {
    // aedes lists refused filters too, with QoS 128; those were reported as refusals.
    for (const sub of subscriptions.filter((s) => (s.qos as number) !== 0x80)) {
      emit(client, { ...base(client), type: 'subscribe', filter: sub.topic, qos: sub.qos });
    }
  });
  aedes.on('unsubscribe', (filters, client) => {
    for (const filter of filters) emit(client, { ...base(client), type: 'unsubscribe', filter });
  });

  await restoreRetained(aedes, options);

  return {
    aedes,
    handle(stream, tell) {
      const client = aedes.handle(stream as unknown as Connection);
      meta.set(client, { tell });
    },
    close: () => new Promise((resolve) => aedes.close(() => resolve())),
  };
}

/** Gives the broker back the retained messages of earlier visits, before anyone connects. */
async function restoreRetained(aedes: Aedes, options: InPageBrokerOptions): Promise<void> {
  const saved = await options.retained?.load().catch((error: Error) => {
    options.onWarning(`Could not read the retained messages kept earlier: ${error.message}`);
    return [];
  });
  for (const { topic, payload, qos } of saved ?? []) {
    await new Promise<void>((resolve) => {
      // Published by the broker itself (no client), so nothing is saved again.
      const packet = { cmd: 'publish', topic, payload: Buffer.from(payload), qos, retain: true };
      aedes.publish(packet as Parameters<Aedes['publish']>[0], () => resolve());
    });
  }
}
