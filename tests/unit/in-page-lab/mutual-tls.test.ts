import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCertificateRegistry } from '../../../src/core/lab/registry/index.ts';
import type { DeviceIdentity } from '../../../src/core/tls/handshake-report.ts';
import {
  buildBrokenSetup,
  registerBrokenSetup,
  type BrokenSetupMaterials,
} from '../../../src/core/tls/broken-setup-builder.ts';
import type { BrokenSetupId } from '../../../src/core/tls/broken-setups.ts';
import type { TlsOutcome, WorkerReply } from '../../../src/browser/in-page-lab/channel-protocol.ts';
import { prepareInPageTls } from '../../../src/browser/in-page-lab/in-page-tls.ts';
import {
  createInPageBroker,
  type InPageBroker,
} from '../../../src/browser/in-page-lab/lab-broker.ts';
import { portStream } from '../../../src/browser/in-page-lab/port-stream.ts';
import { openRegistryStore } from '../../../src/browser/in-page-lab/registry-store.ts';
import { createTlsGate } from '../../../src/browser/in-page-lab/tls-gate.ts';
import {
  serveRequest,
  type LabServices,
} from '../../../src/browser/in-page-lab/worker-requests.ts';
import { indexedDbStorage } from '../../../src/browser/registry/indexeddb-storage.ts';
import { received } from './port-client.ts';

/*
 * The in-page lab's worker side of "connect with a device certificate", run in Node: the page
 * prepares the broker's certificate, the worker answers the modelled handshake and then hands
 * the connection to aedes with the identity it accepted.
 */

let factory: IDBFactory;
let broker: InPageBroker;
let handled: (DeviceIdentity | undefined)[];
let lab: LabServices;
const clients: MqttClient[] = [];

beforeEach(async () => {
  factory = new IDBFactory();
  await prepareInPageTls({ factory });
  broker = await createInPageBroker({ onEvent: () => {}, onWarning: () => {} });
  handled = [];
  const store = openRegistryStore({ factory });
  const gate = createTlsGate(() => store);
  lab = {
    broker: Promise.resolve({
      ...broker,
      handle: (stream, tell, identity) => {
        handled.push(identity);
        broker.handle(stream, tell, identity);
      },
    }),
    tls: () => gate,
  };
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
  await broker.close();
});

function registryOf(indexedDB: IDBFactory) {
  return createCertificateRegistry(
    indexedDbStorage(() => openRegistryStore({ factory: indexedDB })),
    globalThis.crypto,
    () => new Date(),
  );
}

/** A policy that allows every IoT action, attached to the case's device certificate. */
async function allowEverything(materials: BrokenSetupMaterials): Promise<void> {
  const registry = registryOf(factory);
  const certificateId = Buffer.from(
    await globalThis.crypto.subtle.digest('SHA-256', materials.device!.certificate.der),
  ).toString('hex');
  const document = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'iot:*', Resource: '*' }],
  };
  await registry.createPolicy('allow-everything', JSON.stringify(document));
  await registry.attachPolicy('allow-everything', certificateId);
}

async function setUp(id: BrokenSetupId): Promise<BrokenSetupMaterials> {
  const registry = registryOf(factory);
  const materials = await buildBrokenSetup(globalThis.crypto, id, {
    ca: await registry.labCaAuthority(),
  });
  await registerBrokenSetup(registry, materials);
  return materials;
}

/** An mqtt.js client whose connect asks the worker for mutual TLS first. */
function connectAsDevice(materials: BrokenSetupMaterials, clientId: string) {
  const outcomes: TlsOutcome[] = [];
  const client = new mqtt.MqttClient(
    () => {
      const { port1, port2 } = new MessageChannel();
      const { certificatePem, privateKeyPem, serverName } = materials;
      serveRequest(
        { kind: 'connect', port: port2, tls: { certificatePem, privateKeyPem, serverName } },
        lab,
      );
      return portStream(port1, undefined, (outcome) => outcomes.push(outcome));
    },
    { clientId, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5000 },
  );
  client.on('error', () => {});
  clients.push(client);
  const connected = new Promise<boolean>((resolve) => {
    client.once('connect', () => resolve(true));
    client.once('close', () => resolve(false));
  });
  return { client, outcomes, connected };
}

describe('the in-page lab over mutual TLS', () => {
  it('a device with a good certificate connects as itself and publishes to a subscriber', async () => {
    const materials = await setUp('working');
    const device = connectAsDevice(materials, 'sensor-1');
    expect(await device.connected).toBe(true);

    const [outcome] = device.outcomes;
    expect(outcome?.kind).toBe('tls-report');
    const report = outcome?.kind === 'tls-report' ? outcome.report : null;
    expect(report).toMatchObject({ mode: 'emulated', outcome: 'connected', failure: null });
    expect(report?.identity?.commonNames).toEqual(['gallery-working']);
    expect(handled).toEqual([report?.identity]);

    const listener = connectAsDevice(materials, 'listener');
    expect(await listener.connected).toBe(true);
    const got = received(listener.client);
    await listener.client.subscribeAsync('lab/mtls/#', { qos: 1 });
    await device.client.publishAsync('lab/mtls/temp', '21.5', { qos: 1 });
    await expect
      .poll(() => got)
      .toEqual([{ topic: 'lab/mtls/temp', payload: '21.5', retain: false, qos: 1 }]);
  });

  it('a REVOKED certificate is refused after the handshake, with the report and no alert', async () => {
    const materials = await setUp('revoked');
    const device = connectAsDevice(materials, 'revoked-device');

    expect(await device.connected).toBe(false);
    const [outcome] = device.outcomes;
    const report = outcome?.kind === 'tls-report' ? outcome.report : null;
    expect(report?.outcome).toBe('failed');
    expect(report?.failure?.code).toBe('certificate-revoked');
    expect(report?.alert).toBeNull();
    expect(report?.steps.at(-1)).toMatchObject({
      message: 'Registry lookup',
      carries: [{ label: 'certificateId' }, { label: 'status', value: 'REVOKED' }],
    });
    expect(handled).toEqual([]);
  });

  it('a device without a certificate gets certificate_required and never reaches aedes', async () => {
    const materials = await setUp('no-client-certificate');
    const device = connectAsDevice(materials, 'anonymous');

    expect(await device.connected).toBe(false);
    const report = device.outcomes[0]?.kind === 'tls-report' ? device.outcomes[0].report : null;
    expect(report?.alert).toEqual({ by: 'server', name: 'certificate_required', code: 116 });
    expect(handled).toEqual([]);
  });

  it('a key the device cannot read is told as an error, not a report', async () => {
    const materials = await setUp('working');
    const device = connectAsDevice({ ...materials, privateKeyPem: 'no key here' }, 'broken-key');

    expect(await device.connected).toBe(false);
    expect(device.outcomes).toEqual([
      expect.objectContaining({
        kind: 'tls-error',
        name: 'HandshakeInputError',
        code: 'private-key-unreadable',
      }),
    ]);
  });

  it('probes the handshake alone and answers with the full report on success', async () => {
    const materials = await setUp('not-yet-valid');
    const probe = (at?: Date) =>
      new Promise<WorkerReply>((resolve) => {
        const { port1, port2 } = new MessageChannel();
        port1.onmessage = ({ data }) => {
          port1.close();
          resolve(data as WorkerReply);
        };
        const request = { kind: 'tls-probe' as const, reply: port2, tls: materials };
        serveRequest(at ? { ...request, at: at.toISOString() } : request, lab);
      });

    const now = await probe();
    expect(now.kind === 'report' && now.report.failure?.code).toBe(
      'client-certificate-not-yet-valid',
    );
    const later = await probe(new Date(materials.validity!.notBefore.getTime() + 1000));
    expect(later.kind === 'report' && later.report.outcome).toBe('connected');
  });
});

describe('the bundled worker over mutual TLS, as astro build ships it', () => {
  it('answers a device with a certificate and refuses an INACTIVE one', async () => {
    const { bundleWithVite } = await import('./worker-bundles.ts');
    const { runWorkerBundle } = await import('./worker-sandbox.ts');
    const bundle = await bundleWithVite();
    // astro build bundles the worker as one iife file, which fails on any dynamic import():
    // the PKI writers and decoder load these with one, so none may be in the worker.
    expect(bundle.modules.filter((id) => /node-forge|@peculiar|-adapter\.ts$/.test(id))).toEqual(
      [],
    );
    const worker = runWorkerBundle(bundle.code, factory);
    expect(await worker.ready).toMatchObject({ kind: 'ready' });
    const viaBundle = (materials: BrokenSetupMaterials, clientId: string) => {
      const outcomes: TlsOutcome[] = [];
      const client = new mqtt.MqttClient(
        () => {
          const { port1, port2 } = new MessageChannel();
          const { certificatePem, privateKeyPem, serverName } = materials;
          worker.request({
            kind: 'connect',
            port: port2,
            tls: { certificatePem, privateKeyPem, serverName },
          });
          return portStream(port1, undefined, (outcome) => outcomes.push(outcome));
        },
        { clientId, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5000 },
      );
      client.on('error', () => {});
      clients.push(client);
      return new Promise<{ connected: boolean; outcomes: TlsOutcome[] }>((resolve) => {
        client.once('connect', () => resolve({ connected: true, outcomes }));
        client.once('close', () => resolve({ connected: false, outcomes }));
      });
    };

    // The worker holds devices to their IoT policies, as AWS IoT does: this one may do anything.
    const working = await setUp('working');
    await allowEverything(working);
    const good = await viaBundle(working, 'bundled-device');
    expect(good.connected).toBe(true);
    expect(good.outcomes[0]).toMatchObject({
      kind: 'tls-report',
      report: { outcome: 'connected' },
    });

    const inactive = await viaBundle(await setUp('inactive'), 'bundled-inactive');
    expect(inactive.connected).toBe(false);
    expect(inactive.outcomes[0]).toMatchObject({
      kind: 'tls-report',
      report: { failure: { code: 'certificate-inactive' }, alert: null },
    });
  }, 90_000);
});
