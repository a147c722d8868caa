/**
 * The flow tests' lab: one broker of either kind (the lab server's or the in-page lab's), a
 * registry in memory that the broker's authorizer reads, and mqtt.js clients that reach the
 * broker as a device (with the identity a TLS handshake would have accepted) or as the console.
 */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { Duplex as NodeDuplex } from 'node:stream';
import { registryAuthorizer } from '../../../src/core/lab/device-authorizer.ts';
import type { LabEvent } from '../../../src/core/lab/lab-event.ts';
import type { LabRegistry } from '../../../src/core/lab/iot-registry.ts';
import { createCertificateRegistry, memoryStorage } from '../../../src/core/lab/registry/index.ts';
import type { DeviceIdentity } from '../../../src/core/tls/handshake-report.ts';
import { createInPageBroker } from '../../../src/browser/in-page-lab/lab-broker.ts';
import { createLabBroker } from '../../../src/sandbox/broker.ts';
import { createLogger } from '../../../src/sandbox/log.ts';
import { duplexPair } from './duplex-pair.ts';

export const BROKER_KINDS = ['lab server', 'in-page lab'] as const;
export type BrokerKind = (typeof BROKER_KINDS)[number];

export const ARN = 'arn:aws:iot:us-east-1:123456789012';

/** What a broker under test offers: a way in, its events, and a way to hear registry changes. */
interface BrokerUnderTest {
  handle(stream: NodeDuplex, identity?: DeviceIdentity): void;
  registryChanged(): Promise<void>;
  close(): Promise<void>;
}

export interface DeviceLab {
  registry: LabRegistry;
  events: LabEvent[];
  /** Makes an ACTIVE certificate for `commonName` in the registry, and its identity. */
  device(commonName: string): Promise<DeviceIdentity>;
  /** An mqtt.js client through the broker; with an identity it is that device. */
  connect(
    clientId: string,
    identity?: DeviceIdentity,
    options?: IClientOptions,
  ): Promise<MqttClient>;
  /** Same, for a CONNECT expected to be refused: resolves to the CONNACK's return code. */
  refusedConnect(
    clientId: string,
    identity?: DeviceIdentity,
    options?: IClientOptions,
  ): Promise<number | undefined>;
  /** A bare byte stream to the broker, as the console, for packets mqtt.js would not send. */
  rawConnection(): NodeDuplex;
  close(): Promise<void>;
}

export async function startDeviceLab(kind: BrokerKind): Promise<DeviceLab> {
  const events: LabEvent[] = [];
  const clients: MqttClient[] = [];
  const raws: NodeDuplex[] = [];
  let broker: BrokerUnderTest | null = null;
  const registry = createCertificateRegistry(memoryStorage(), globalThis.crypto, () => new Date(), {
    onChange: () => void broker?.registryChanged(),
  });
  const authorizer = registryAuthorizer(registry);
  broker =
    kind === 'lab server'
      ? await serverBroker(events, authorizer)
      : await pageBroker(events, authorizer);
  const handle = broker.handle.bind(broker);

  const client = (clientId: string, identity?: DeviceIdentity, options: IClientOptions = {}) => {
    const made = new mqtt.MqttClient(
      () => {
        const [near, far] = duplexPair();
        handle(far, identity);
        return near;
      },
      { clientId, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 3000, ...options },
    );
    clients.push(made);
    return made;
  };

  return {
    registry,
    events,
    async device(commonName) {
      const { certificate } = await registry.createKeysAndCertificate({
        commonName,
        algorithm: 'P-256',
        setAsActive: true,
      });
      return {
        certificateId: certificate.certificateId,
        subject: certificate.subject,
        issuer: certificate.issuer,
        serialNumber: certificate.serialNumber,
        notBefore: certificate.notBefore,
        notAfter: certificate.notAfter,
        commonNames: [commonName],
      };
    },
    async connect(clientId, identity, options) {
      const made = client(clientId, identity, options);
      await new Promise<void>((resolve, reject) => {
        made.once('connect', () => resolve());
        made.once('error', reject);
        made.once('close', () => reject(new Error(`${clientId} closed before CONNACK`)));
      });
      return made;
    },
    async refusedConnect(clientId, identity, options) {
      const made = client(clientId, identity, options);
      return new Promise((resolve, reject) => {
        made.once('connect', () => reject(new Error(`${clientId} was let in`)));
        made.once('error', (error) => resolve((error as { code?: number }).code));
      });
    },
    rawConnection() {
      const [near, far] = duplexPair();
      handle(far);
      raws.push(near);
      return near;
    },
    async close() {
      for (const raw of raws) raw.destroy();
      await Promise.all(clients.map((c) => c.endAsync(true)));
      await broker.close();
    },
  };
}

async function serverBroker(
  events: LabEvent[],
  authorizer: ReturnType<typeof registryAuthorizer>,
): Promise<BrokerUnderTest> {
  const broker = await createLabBroker(
    createLogger('lab:mqtt', 'silent', () => {}),
    { authorizer },
  );
  broker.events.on('event', (event) => events.push(event));
  return {
    handle: (stream, identity) =>
      broker.handle(stream, identity ? 'mtls' : 'tcp', '127.0.0.1:50000', identity),
    registryChanged: () => broker.registryChanged(),
    close: () => broker.close(),
  };
}

async function pageBroker(
  events: LabEvent[],
  authorizer: ReturnType<typeof registryAuthorizer>,
): Promise<BrokerUnderTest> {
  const broker = await createInPageBroker({
    onEvent: (event) => events.push(event),
    onWarning: (message) => {
      throw new Error(`unexpected warning: ${message}`);
    },
    authorizer,
  });
  return {
    handle: (stream, identity) =>
      broker.handle(stream as unknown as Parameters<typeof broker.handle>[0], () => {}, identity),
    registryChanged: () => broker.registryChanged(),
    close: () => broker.close(),
  };
}
