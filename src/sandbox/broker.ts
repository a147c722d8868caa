import { Aedes, type Client, type Subscription } from 'aedes';
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { checkClientPublish, checkClientSubscribe } from '../core/lab/broker-rules.ts';
import { formatLabEvent, type LabEvent, type Transport } from '../core/lab/lab-event.ts';
import type { Logger } from './log.ts';

/** The lab broker: aedes with the lab's rules, raising one LabEvent per thing that happens. */
export interface LabBroker {
  aedes: Aedes;
  events: EventEmitter<{ event: [LabEvent] }>;
  /** Hands a connected byte stream to the broker, remembering how and whence it came. */
  handle(stream: Duplex, transport: Transport, address: string): void;
  close(): Promise<void>;
}

interface ClientMeta {
  transport: Transport;
  address: string;
  /** Why the connection is ending, once the broker knows; the disconnect event reports it. */
  closing?: string;
}

export async function createLabBroker(log: Logger): Promise<LabBroker> {
  const events = new EventEmitter<{ event: [LabEvent] }>();
  const meta = new WeakMap<Client, ClientMeta>();
  const liveById = new Map<string, Client>();

  const emit = (event: LabEvent) => {
    log.info(formatLabEvent(event));
    events.emit('event', event);
  };
  const base = (client: Client | null) => ({
    time: new Date().toISOString(),
    clientId: client?.id ?? '',
    transport: (client && meta.get(client)?.transport) ?? 'tcp',
  });
  const closeReason = (client: Client, reason: string) => {
    const found = meta.get(client);
    if (found && !found.closing) found.closing = reason;
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
      const refusal = client ? checkClientPublish(packet.topic) : null;
      if (!client || !refusal) return callback(null);

      emit({ ...base(client), type: 'refusal', action: 'publish', target: packet.topic, refusal });
      closeReason(client, `refused publish to ${packet.topic} (${refusal.code})`);
      callback(new Error(refusal.message));
    },
    authorizeSubscribe(client, subscription, callback) {
      const refusal = checkClientSubscribe(subscription.topic);
      if (!refusal) return callback(null, subscription);

      emit({
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
    emit({
      ...base(client),
      type: 'connect',
      address: meta.get(client)?.address ?? 'unknown',
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
    emit({ ...base(client), type: 'disconnect', reason });
  });
  aedes.on('clientError', (client, error) => {
    closeReason(client, `protocol error: ${error.message}`);
  });
  aedes.on('connectionError', (client, error) => {
    log.warn(`connection from ${meta.get(client)?.address ?? 'unknown'} failed: ${error.message}`);
  });
  aedes.on('keepaliveTimeout', (client) => {
    closeReason(client, 'no packet within 1.5 x keep-alive [MQTT-3.1.2-24]');
  });
  aedes.on('subscribe', (subscriptions, client) => {
    // aedes lists refused filters too, with QoS 128; those were reported as refusals.
    for (const sub of subscriptions.filter((s) => (s.qos as number) !== 0x80)) {
      emit({ ...base(client), type: 'subscribe', filter: sub.topic, qos: sub.qos });
    }
  });
  aedes.on('unsubscribe', (filters, client) => {
    for (const filter of filters) emit({ ...base(client), type: 'unsubscribe', filter });
  });

  return {
    aedes,
    events,
    handle(stream, transport, address) {
      const client = aedes.handle(stream);
      meta.set(client, { transport, address });
    },
    close: () => new Promise((resolve) => aedes.close(() => resolve())),
  };
}
