/**
 * The broker's AWS IoT policy checks for clients that presented a device certificate (spec §3
 * and §6): each MQTT step becomes an iot: request, evaluated against the policies the registry
 * has for the device at that moment. Clients without a certificate are the learner's console
 * and are never asked.
 */
import { evaluate } from '../policy/evaluate.ts';
import { mqttRequests } from '../policy/request.ts';
import type { DeviceIdentity } from '../tls/handshake-report.ts';
import type { DeviceAuthorization, DeviceAuthorizer } from './device-authorizer.ts';
import type { ConnectFlags } from './device-context.ts';
import type { Refusal } from './lab-event.ts';
import { policyRefusal, type DeniedRequest } from './policy-refusal.ts';
import { shortId } from './registry/registry-errors.ts';

/** Who a device connection is: its certificate, the client ID it sent, and whence it came. */
export interface DeviceConnection extends ConnectFlags {
  identity: DeviceIdentity;
  clientId: string;
  address: string;
  /** Whether the will, if any, is to be retained. */
  willRetain?: boolean;
}

export interface DeviceGate<C> {
  /** CONNECT: the certificate must still be ACTIVE, then iot:Connect on client/<id>. */
  admit(client: C, device: DeviceConnection): Promise<Refusal | null>;
  /** PUBLISH: iot:Publish on topic/<name>, and iot:RetainPublish when retained. */
  publish(client: C, topic: string, retain: boolean): Promise<Refusal | null>;
  /** SUBSCRIBE, one filter: iot:Subscribe on topicfilter/<filter as sent>. */
  subscribe(client: C, filter: string): Promise<Refusal | null>;
  /** A delivery: iot:Receive on topic/<name>, decided on the last reading, as aedes needs it now. */
  receive(client: C, topic: string): Refusal | null;
  /** Reads each device's authorization again; answers the clients that may no longer stay. */
  refresh(clients: Iterable<C>): Promise<Array<{ client: C; refusal: Refusal }>>;
  isDevice(client: C): boolean;
  forget(client: C): void;
}

export function createDeviceGate<C extends object>(authorizer: DeviceAuthorizer): DeviceGate<C> {
  type Known = { device: DeviceConnection; last: DeviceAuthorization };
  const devices = new WeakMap<C, Known>();

  // Takes the device's entry, not the client: a client may leave while the registry is read
  // (mosquitto_pub at QoS 0 sends PUBLISH and DISCONNECT back to back), and its request is
  // still decided on who it was.
  const read = async (known: Known): Promise<DeviceAuthorization> => {
    known.last = await authorizer(known.device.identity, known.device);
    return known.last;
  };

  // The spec leaves open when AWS checks a will's topic; the lab checks it at CONNECT (§3).
  const willRefusal = (authorization: DeviceAuthorization, device: DeviceConnection) => {
    const topic = device.willTopic;
    if (topic === undefined) return null;

    return (
      decide(authorization, 'will', mqttRequests.publish(topic)) ??
      (device.willRetain ? decide(authorization, 'will', mqttRequests.retainPublish(topic)) : null)
    );
  };

  const decide = (
    authorization: DeviceAuthorization,
    denied: DeniedRequest,
    request: { action: string; resource: string },
  ): Refusal | null => {
    const decision = evaluate(request, authorization.policies, authorization.context);
    return decision.allowed ? null : policyRefusal(denied, decision, authorization.versions);
  };

  return {
    async admit(client, device) {
      const authorization = await authorizer(device.identity, device);
      const inactive = statusRefusal(device.identity, authorization);
      if (inactive) return inactive;

      devices.set(client, { device, last: authorization });
      const refusal =
        decide(authorization, 'connect', mqttRequests.connect(device.clientId)) ??
        willRefusal(authorization, device);
      if (refusal) devices.delete(client);
      return refusal;
    },

    async publish(client, topic, retain) {
      const known = devices.get(client);
      if (!known) return null;

      const authorization = await read(known);
      return (
        statusRefusal(known.device.identity, authorization) ??
        decide(authorization, 'publish', mqttRequests.publish(topic)) ??
        (retain ? decide(authorization, 'retain', mqttRequests.retainPublish(topic)) : null)
      );
    },

    async subscribe(client, filter) {
      const known = devices.get(client);
      if (!known) return null;

      return decide(await read(known), 'subscribe', mqttRequests.subscribe(filter));
    },

    receive(client, topic) {
      const known = devices.get(client);
      if (!known) return null;

      return decide(known.last, 'receive', mqttRequests.receive(topic));
    },

    async refresh(clients) {
      const devicesNow = [...clients].flatMap((client) => {
        const known = devices.get(client);
        return known ? [{ client, known }] : [];
      });
      const readings = await Promise.all(
        devicesNow.map(async ({ client, known }) => ({ client, known, now: await read(known) })),
      );
      return readings.flatMap(({ client, known, now }) => {
        const refusal = statusRefusal(known.device.identity, now);
        return refusal ? [{ client, refusal }] : [];
      });
    },

    isDevice: (client) => devices.has(client),
    forget: (client) => void devices.delete(client),
  };
}

/** Only an ACTIVE certificate may connect or stay connected (spec §7.2; flow-19). */
function statusRefusal(
  identity: DeviceIdentity,
  authorization: DeviceAuthorization,
): Refusal | null {
  const status = authorization.certificateStatus;
  if (status === 'ACTIVE') return null;

  const now = status === null ? 'no longer in the registry' : status;
  return {
    code: 'certificate-not-active',
    title: 'The device certificate is not ACTIVE',
    message:
      `Certificate ${shortId(identity.certificateId)} (${identity.subject}) is ${now}, and only ` +
      'an ACTIVE certificate may connect, so the broker closed the connection. AWS IoT does so ' +
      'within minutes of the change; the lab does it at once. Set the certificate to ACTIVE to ' +
      'connect again, or use another one.',
    rule: 'AWS IoT: API_UpdateCertificate',
  };
}
