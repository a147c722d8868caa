import { checkClientId, checkClientPublish, checkClientSubscribe } from './broker-rules.ts';
import type { DeviceIdentity } from '../tls/handshake-report.ts';
import type { DeviceAuthorizer } from './device-authorizer.ts';
import { createDeviceGate, type DeviceGate } from './device-gate.ts';
import { checkDevicePublish, checkDeviceSubscribe } from './device-quotas.ts';
import { effectiveKeepAlive } from './keep-alive.ts';
import { protocolErrorWords } from './protocol-error.ts';
import type { LabEvent, Refusal, RefusedAction, Transport } from './lab-event.ts';

/*
 * The lab's hooks into aedes, shared by the lab server (src/sandbox/broker.ts) and the in-page
 * lab (src/browser/in-page-lab/lab-broker.ts), so both refuse the same things and raise the
 * same LabEvents. aedes is not imported: the few of its shapes the hooks touch are described
 * here, and each broker file hands in its own aedes objects.
 */

/** What the hooks read of an aedes client, including the `_` fields aedes does not declare. */
export interface LabClient {
  readonly id: string;
  readonly clean: boolean;
  /** 1.5 x keep-alive + 1, in milliseconds, once CONNECT is read; -1 before or without one. */
  readonly _keepaliveInterval?: number;
  /** Set once the client sent DISCONNECT, which is what tells a goodbye from a lost line. */
  readonly _disconnected?: boolean;
  /** The CONNECT's will, which aedes keeps here once CONNECT is read. */
  readonly _will?: { topic: string; retain?: boolean } | null;
  /** Ends the connection; the lab calls it when a device's certificate stops being ACTIVE. */
  close?(): void;
  /** aedes's packet parser; its 'packet' listeners see each packet before aedes acts on it. */
  readonly _parser?: {
    prependListener(event: 'packet', listener: (packet: { cmd: string }) => void): unknown;
  };
}

export interface LabConnectPacket {
  clientId: string;
  /** Seconds, as the CONNECT asked; preConnect sets the value in force, which aedes then keeps. */
  keepalive?: number;
}

export interface LabPublishPacket {
  topic: string;
  retain?: boolean;
}

export interface LabSubscription {
  topic: string;
  qos: number;
}

/** The events of an aedes broker that the hooks listen to. */
export interface LabBrokerEvents<C, S> {
  on(
    event: 'client' | 'clientReady' | 'clientDisconnect' | 'keepaliveTimeout',
    listener: (client: C) => void,
  ): unknown;
  on(event: 'clientError', listener: (client: C, error: Error) => void): unknown;
  on(event: 'subscribe', listener: (subscriptions: S[], client: C) => void): unknown;
  on(event: 'unsubscribe', listener: (filters: string[], client: C) => void): unknown;
}

/** Where a client came from, as its events report it. */
export interface ClientOrigin {
  transport: Transport;
  address: string;
  /** The device certificate the broker accepted at the TLS handshake; absent without one. */
  identity?: DeviceIdentity;
}

export interface BrokerHookOptions<C, P> {
  /** How and whence a client reached the broker. */
  origin(client: C): ClientOrigin;
  /** Hears every lab event, with the client it is about. */
  emit(event: LabEvent, client: C): void;
  /**
   * Runs before a client's allowed publish goes on, which waits for it; none by default.
   * It must not reject: it reports its own failures.
   */
  beforeAllowedPublish?(packet: P): Promise<void>;
  /**
   * Reads what a device may do from the lab registry (registryAuthorizer). Without it, or for
   * a client without a certificate, nothing is checked against IoT policies. Default: none.
   */
  authorizer?: DeviceAuthorizer;
}

/** The hooks aedes is created with, and `attach` for the events it raises. */
export interface BrokerHooks<C, P, S> {
  preConnect(
    client: C,
    packet: LabConnectPacket,
    callback: (error: Error | null, success: boolean) => void,
  ): void;
  /** A device's iot:Connect; a refusal answers CONNACK 0x05 (aedes sends it, then closes). */
  authenticate(
    client: C,
    username: unknown,
    password: unknown,
    done: (error: (Error & { returnCode: ConnackRefusal }) | null, success: boolean | null) => void,
  ): void;
  /** A device's iot:Receive for one delivery; null withholds it from this subscriber only. */
  authorizeForward<F extends { topic: string }>(client: C, packet: F): F | null;
  /**
   * Reads every device's policies and certificate status again, closing the connections whose
   * certificate is no longer ACTIVE (flow-19). Brokers call it when the registry changes.
   */
  registryChanged(): Promise<void>;
  authorizePublish(client: C | null, packet: P, callback: (error?: Error | null) => void): void;
  authorizeSubscribe(
    client: C,
    subscription: S,
    callback: (error: Error | null, subscription?: S | null) => void,
  ): void;
  /** Listens to the broker's client events and raises the lab events for them. */
  attach(broker: LabBrokerEvents<C, S>): void;
  /** Reads along a new connection's packets; each broker calls it right after aedes.handle. */
  handled(client: C): void;
}

// CONNACK return codes (MQTT 3.1.1 §3.2.2.3): 0x02 "identifier rejected", 0x03 "server
// unavailable" and 0x05 "not authorized".
const IDENTIFIER_REJECTED = 2 as const;
const SERVER_UNAVAILABLE = 3 as const;
const NOT_AUTHORIZED = 5 as const;
type ConnackRefusal =
  | typeof IDENTIFIER_REJECTED
  | typeof SERVER_UNAVAILABLE
  | typeof NOT_AUTHORIZED;

const TAKEN_OVER = 'taken over: a new connection used the same client ID [MQTT-3.1.4-2]';
const KEEPALIVE_EXPIRED = 'no packet within 1.5 x keep-alive [MQTT-3.1.2-24]';
const SECOND_CONNECT = 'protocol error: a second CONNECT on the same connection [MQTT-3.1.0-2]';

// The SUBACK return code for a refused filter (MQTT 3.1.1 §3.9.3); aedes lists it as a QoS.
const SUBACK_FAILURE = 0x80;

export function createBrokerHooks<
  C extends LabClient,
  P extends LabPublishPacket = LabPublishPacket,
  S extends LabSubscription = LabSubscription,
>(options: BrokerHookOptions<C, P>): BrokerHooks<C, P, S> {
  const liveById = new Map<string, C>();
  // Why each connection is ending, once the broker knows; the disconnect event reports it.
  const closing = new WeakMap<C, string>();
  // The live connection a new CONNECT with the same client ID would take over.
  const takingOver = new WeakMap<C, C>();
  // The keep-alive a CONNECT asked for, when the lab holds the client to another one.
  const askedKeepAlive = new WeakMap<C, number>();

  const closeReason = (client: C, reason: string) => {
    if (!closing.has(client)) closing.set(client, reason);
  };
  const base = (client: C) => ({
    time: new Date().toISOString(),
    clientId: client.id,
    transport: options.origin(client).transport,
  });
  const hasCertificate = (client: C) => options.origin(client).identity !== undefined;
  const refuse = (client: C, action: RefusedAction, target: string, refusal: Refusal) =>
    options.emit({ ...base(client), type: 'refusal', action, target, refusal }, client);
  const gate: DeviceGate<C> | null = options.authorizer
    ? createDeviceGate<C>(options.authorizer)
    : null;

  /** Re-reads every device's policies, so that each delivery is decided on the registry of now. */
  const refreshDevices = async () => {
    if (!gate) return;

    const dropped = await gate.refresh(liveById.values()).catch(() => []);
    for (const { client, refusal } of dropped) {
      closeReason(client, `${refusal.code}: ${refusal.title}`);
      client.close?.();
    }
  };

  /** Lets an allowed publish go on, once the devices' policies are fresh when there are any. */
  const goOn = (packet: P, callback: (error?: Error | null) => void) => {
    const adapterStep = () => {
      if (!options.beforeAllowedPublish) return callback(null);
      return void options.beforeAllowedPublish(packet).then(() => callback(null));
    };
    if (!gate) return adapterStep();

    void refreshDevices().then(adapterStep);
  };

  const refusePublish = (client: C, topic: string, refusal: Refusal) => {
    refuse(client, 'publish', topic, refusal);
    closeReason(client, `refused publish to ${topic} (${refusal.code})`);
    return new Error(refusal.message);
  };

  return {
    // aedes closes the older connection of a reused client ID before it announces the new
    // one, so the takeover is noted here, while the new CONNECT is still being read.
    preConnect(client, packet, callback) {
      const older = liveById.get(packet.clientId);
      if (older && older !== client) {
        closeReason(older, TAKEN_OVER);
        takingOver.set(client, older);
      }

      // aedes starts its keep-alive timer from this packet once preConnect has answered.
      if (packet.keepalive !== undefined) {
        const inForce = effectiveKeepAlive(packet.keepalive);
        if (inForce !== packet.keepalive) askedKeepAlive.set(client, packet.keepalive);
        packet.keepalive = inForce;
      }
      callback(null, true);
    },

    authenticate(client, _username, _password, done) {
      // A refused client takes nothing over: the older connection keeps its line.
      const stays = () => {
        const older = takingOver.get(client);
        if (older && closing.get(older) === TAKEN_OVER) closing.delete(older);
      };

      const reserved = checkClientId(client.id);
      if (reserved) {
        stays();
        refuse(client, 'connect', client.id, reserved);
        const error = new Error(reserved.message);
        return done(Object.assign(error, { returnCode: IDENTIFIER_REJECTED }), false);
      }

      const { identity, address } = options.origin(client);
      if (!identity || !gate) return done(null, true);

      const will = client._will ?? undefined;
      const device = {
        identity,
        clientId: client.id,
        address,
        cleanSession: client.clean,
        ...(will ? { willTopic: will.topic, willRetain: will.retain === true } : {}),
      };
      gate.admit(client, device).then(
        (refusal) => {
          if (!refusal) return done(null, true);

          stays();
          refuse(client, 'connect', client.id, refusal);
          done(Object.assign(new Error(refusal.message), { returnCode: NOT_AUTHORIZED }), false);
        },
        (error: Error) => {
          stays();
          refuse(client, 'connect', client.id, unavailable(error));
          done(Object.assign(new Error(error.message), { returnCode: SERVER_UNAVAILABLE }), false);
        },
      );
    },

    authorizePublish(client, packet, callback) {
      // A null client is the broker itself (a will, $SYS status); the rules are for clients.
      if (!client) return callback(null);

      const refusal =
        checkClientPublish(packet.topic) ??
        (hasCertificate(client) ? checkDevicePublish(packet.topic) : null);
      if (refusal) return callback(refusePublish(client, packet.topic, refusal));
      if (!gate?.isDevice(client)) return goOn(packet, callback);

      gate.publish(client, packet.topic, packet.retain === true).then(
        (denied) =>
          denied ? callback(refusePublish(client, packet.topic, denied)) : goOn(packet, callback),
        (error: Error) => callback(refusePublish(client, packet.topic, unavailable(error))),
      );
    },

    authorizeSubscribe(client, subscription, callback) {
      // A null subscription answers SUBACK 0x80 for this filter and keeps the connection.
      const deny = (refusal: Refusal) => {
        refuse(client, 'subscribe', subscription.topic, refusal);
        callback(null, null);
      };
      const refusal =
        checkClientSubscribe(subscription.topic) ??
        (hasCertificate(client) ? checkDeviceSubscribe(subscription.topic) : null);
      if (refusal) return deny(refusal);
      if (!gate?.isDevice(client)) return callback(null, subscription);

      gate.subscribe(client, subscription.topic).then(
        (denied) => (denied ? deny(denied) : callback(null, subscription)),
        (error: Error) => deny(unavailable(error)),
      );
    },

    authorizeForward(client, packet) {
      const refusal = gate?.receive(client, packet.topic);
      if (!refusal) return packet;

      refuse(client, 'receive', packet.topic, refusal);
      return null;
    },

    registryChanged: refreshDevices,

    handled(client) {
      client._parser?.prependListener('packet', grantAtMostQos1);
    },

    attach(broker) {
      broker.on('client', (client) => liveById.set(client.id, client));
      broker.on('clientReady', (client) => {
        const interval = client._keepaliveInterval ?? -1;
        const asked = askedKeepAlive.get(client);
        options.emit(
          {
            ...base(client),
            type: 'connect',
            address: options.origin(client).address,
            cleanSession: client.clean,
            keepalive: interval > 0 ? Math.round((interval - 1) / 1500) : 0,
            ...(asked !== undefined ? { keepaliveAsked: asked } : {}),
          },
          client,
        );
      });
      broker.on('clientDisconnect', (client) => {
        if (liveById.get(client.id) === client) liveById.delete(client.id);
        gate?.forget(client);
        const reason =
          closing.get(client) ??
          (client._disconnected ? 'client sent DISCONNECT' : 'connection lost');
        options.emit({ ...base(client), type: 'disconnect', reason }, client);
      });
      broker.on('clientError', (client, error) => {
        // aedes reports a second CONNECT as 'Invalid protocol', with the packet as `info`.
        const packet = (error as Error & { info?: { cmd?: string } }).info;
        closeReason(
          client,
          packet?.cmd === 'connect'
            ? SECOND_CONNECT
            : `protocol error: ${protocolErrorWords(error.message)}`,
        );
      });
      broker.on('keepaliveTimeout', (client) => closeReason(client, KEEPALIVE_EXPIRED));
      broker.on('subscribe', (subscriptions, client) => {
        // aedes lists refused filters too, with QoS 128; those were reported as refusals.
        for (const sub of subscriptions.filter((s) => s.qos !== SUBACK_FAILURE)) {
          options.emit(
            { ...base(client), type: 'subscribe', filter: sub.topic, qos: sub.qos },
            client,
          );
        }
      });
      broker.on('unsubscribe', (filters, client) => {
        for (const filter of filters) {
          options.emit({ ...base(client), type: 'unsubscribe', filter }, client);
        }
      });
    },
  };
}

/**
 * Lowers a SUBSCRIBE's requested QoS 2 to 1 before aedes reads it (flow-12). AWS IoT Core
 * supports QoS 0 and 1 only, and for a QoS 2 request it sends no SUBACK at all (AWS IoT
 * Developer Guide, `mqtt` page, differences from the specification:
 * https://docs.aws.amazon.com/iot/latest/developerguide/mqtt.html), and the client waits
 * for nothing. The lab grants QoS 1 instead, as MQTT 3.1.1 lets a server grant less than asked
 * [MQTT-3.8.4-6], so the tutorial's clients get a SUBACK of 0x01. This is done as the packet
 * is read because aedes 1.2.0 answers SUBACK with the requested QoS whatever
 * authorizeSubscribe returns.
 */
function grantAtMostQos1(packet: { cmd: string; subscriptions?: { qos: number }[] }): void {
  if (packet.cmd !== 'subscribe') return;

  for (const subscription of packet.subscriptions ?? []) {
    if (subscription.qos > 1) subscription.qos = 1;
  }
}

/** The registry could not be read, so the lab cannot tell whether the device may go on. */
function unavailable(error: Error): Refusal {
  return {
    code: 'authorization-unavailable',
    title: 'The lab could not read the device’s policies',
    message:
      `The lab registry could not be read (${error.message}), so the broker could not check ` +
      'this device’s policies and refused the request. Check that the lab is running, then retry.',
    rule: 'lab',
  };
}
