import { Aedes, type Client, type Connection, type PublishPacket, type Subscription } from 'aedes';
import { Buffer } from 'buffer';
import type { Duplex } from 'readable-stream';
import { createBrokerHooks } from '../../core/lab/broker-hooks.ts';
import type { DeviceAuthorizer } from '../../core/lab/device-authorizer.ts';
import type { LabEvent } from '../../core/lab/lab-event.ts';
import type { DeviceIdentity } from '../../core/tls/handshake-report.ts';
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
  /** Checks clients with a device certificate against their IoT policies; default: none. */
  authorizer?: DeviceAuthorizer;
}

export interface InPageBroker {
  aedes: Aedes;
  /**
   * Hands a connection's byte stream to the broker; `tell` hears the events about it alone.
   * `identity` is the device certificate a modelled TLS handshake accepted, if there was one.
   */
  handle(stream: Duplex, tell: (event: LabEvent) => void, identity?: DeviceIdentity): void;
  /** Re-reads the devices' policies and statuses now, e.g. because the registry changed. */
  registryChanged(): Promise<void>;
  close(): Promise<void>;
}

export async function createInPageBroker(options: InPageBrokerOptions): Promise<InPageBroker> {
  const tells = new WeakMap<Client, (event: LabEvent) => void>();
  const identities = new WeakMap<Client, DeviceIdentity>();

  const hooks = createBrokerHooks<Client, PublishPacket, Subscription>({
    origin: (client) => {
      const identity = identities.get(client);
      return identity
        ? { transport: 'in-page', address: 'this page', identity }
        : { transport: 'in-page', address: 'this page' };
    },
    emit(event, client) {
      options.onEvent(event);
      tells.get(client)?.(event);
    },
    // aedes sends PUBACK before it stores a message, so a retained one is kept here first:
    // once the client has its PUBACK, the message survives a reload.
    beforeAllowedPublish: (packet) => keepRetained(packet, options),
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

  await restoreRetained(aedes, options);

  return {
    aedes,
    handle(stream, tell, identity) {
      const client = aedes.handle(stream as unknown as Connection);
      hooks.handled(client);
      tells.set(client, tell);
      if (identity) identities.set(client, identity);
    },
    registryChanged: hooks.registryChanged,
    close: () => new Promise((resolve) => aedes.close(() => resolve())),
  };
}

/** Keeps a client's retained message in the registry, if the page has one. */
async function keepRetained(packet: PublishPacket, options: InPageBrokerOptions): Promise<void> {
  if (!packet.retain || !options.retained) return;

  const payload =
    typeof packet.payload === 'string' ? new TextEncoder().encode(packet.payload) : packet.payload;
  await options.retained
    .save({ topic: packet.topic, payload, qos: packet.qos })
    .catch((error: Error) => {
      options.onWarning(`Could not keep the retained message of ${packet.topic}: ${error.message}`);
    });
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
