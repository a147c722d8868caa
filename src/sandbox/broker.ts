import { Aedes, type Client, type PublishPacket, type Subscription } from 'aedes';
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { createBrokerHooks, type ClientOrigin } from '../core/lab/broker-hooks.ts';
import { formatLabEvent, type LabEvent, type Transport } from '../core/lab/lab-event.ts';
import type { DeviceIdentity } from '../core/tls/handshake-report.ts';
import type { Logger } from './log.ts';

/** The lab broker: aedes with the lab's rules, raising one LabEvent per thing that happens. */
export interface LabBroker {
  aedes: Aedes;
  events: EventEmitter<{ event: [LabEvent] }>;
  /** Hands a connected byte stream to the broker, remembering how and whence it came. */
  handle(stream: Duplex, transport: Transport, address: string, identity?: DeviceIdentity): void;
  close(): Promise<void>;
}

const UNKNOWN_ORIGIN: ClientOrigin = { transport: 'tcp', address: 'unknown' };

export async function createLabBroker(log: Logger): Promise<LabBroker> {
  const events = new EventEmitter<{ event: [LabEvent] }>();
  const origins = new WeakMap<Client, ClientOrigin>();
  const origin = (client: Client) => origins.get(client) ?? UNKNOWN_ORIGIN;

  const hooks = createBrokerHooks<Client, PublishPacket, Subscription>({
    origin,
    emit(event) {
      log.info(formatLabEvent(event));
      events.emit('event', event);
    },
  });
  const { preConnect, authorizePublish, authorizeSubscribe } = hooks;
  const aedes = await Aedes.createBroker({ preConnect, authorizePublish, authorizeSubscribe });
  hooks.attach(aedes);
  aedes.on('connectionError', (client, error) => {
    log.warn(`connection from ${origin(client).address} failed: ${error.message}`);
  });

  return {
    aedes,
    events,
    handle(stream, transport, address, identity) {
      const client = aedes.handle(stream);
      origins.set(client, identity ? { transport, address, identity } : { transport, address });
    },
    close: () => new Promise((resolve) => aedes.close(() => resolve())),
  };
}
