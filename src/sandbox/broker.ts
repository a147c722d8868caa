import { Aedes, type Client, type PublishPacket, type Subscription } from 'aedes';
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { createBrokerHooks, type ClientOrigin } from '../core/lab/broker-hooks.ts';
import type { DeviceAuthorizer } from '../core/lab/device-authorizer.ts';
import { protocolErrorWords } from '../core/lab/protocol-error.ts';
import { formatLabEvent, type LabEvent, type Transport } from '../core/lab/lab-event.ts';
import type { DeviceIdentity } from '../core/tls/handshake-report.ts';
import type { Logger } from './log.ts';

/** The lab broker: aedes with the lab's rules, raising one LabEvent per thing that happens. */
export interface LabBroker {
  aedes: Aedes;
  events: EventEmitter<{ event: [LabEvent] }>;
  /** Hands a connected byte stream to the broker, remembering how and whence it came. */
  handle(stream: Duplex, transport: Transport, address: string, identity?: DeviceIdentity): void;
  /** Re-reads the devices' policies and statuses now, e.g. because the registry changed. */
  registryChanged(): Promise<void>;
  close(): Promise<void>;
}

export interface LabBrokerOptions {
  /** Checks clients with a device certificate against their IoT policies; default: none. */
  authorizer?: DeviceAuthorizer;
}

const UNKNOWN_ORIGIN: ClientOrigin = { transport: 'tcp', address: 'unknown' };

export async function createLabBroker(
  log: Logger,
  options: LabBrokerOptions = {},
): Promise<LabBroker> {
  const events = new EventEmitter<{ event: [LabEvent] }>();
  const origins = new WeakMap<Client, ClientOrigin>();
  const origin = (client: Client) => origins.get(client) ?? UNKNOWN_ORIGIN;

  const hooks = createBrokerHooks<Client, PublishPacket, Subscription>({
    origin,
    emit(event) {
      log.info(formatLabEvent(event));
      events.emit('event', event);
    },
    ...(options.authorizer ? { authorizer: options.authorizer } : {}),
  });
  const { preConnect, authenticate, authorizePublish, authorizeSubscribe, authorizeForward } =
    hooks;
  const aedes = await Aedes.createBroker({
    preConnect,
    authenticate,
    authorizePublish,
    authorizeSubscribe,
    authorizeForward,
  });
  hooks.attach(aedes);
  aedes.on('connectionError', (client, error) => {
    log.warn(
      `connection from ${origin(client).address} failed: ${protocolErrorWords(error.message)}`,
    );
  });

  return {
    aedes,
    events,
    handle(stream, transport, address, identity) {
      const client = aedes.handle(stream);
      hooks.handled(client);
      origins.set(client, identity ? { transport, address, identity } : { transport, address });
    },
    registryChanged: hooks.registryChanged,
    close: () => new Promise((resolve) => aedes.close(() => resolve())),
  };
}
