/**
 * The in-page lab as the worker runs it: the broker reads devices' policies from the page's
 * IndexedDB registry, and hears over a BroadcastChannel when the page changes it.
 */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceIdentity } from '../../../src/core/tls/handshake-report.ts';
import {
  followRegistry,
  inPageAuthorizer,
} from '../../../src/browser/in-page-lab/device-authorization.ts';
import { createInPageBroker } from '../../../src/browser/in-page-lab/lab-broker.ts';
import { openRegistryStore } from '../../../src/browser/in-page-lab/registry-store.ts';
import { inPageRegistry } from '../../../src/browser/registry/in-page-registry.ts';
import { ARN } from './device-lab.ts';
import { duplexPair } from './duplex-pair.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the in-page lab’s broker and the page’s registry', () => {
  it('admits a device the page gave a policy, and drops it when the page deactivates its certificate', async () => {
    const factory = new IDBFactory();
    const page = inPageRegistry({ factory });
    const store = openRegistryStore({ factory });
    const broker = await createInPageBroker({
      onEvent: () => {},
      onWarning: () => {},
      authorizer: inPageAuthorizer(() => store),
    });
    const stopFollowing = followRegistry(broker);
    cleanups.push(
      () => broker.close(),
      stopFollowing,
      () => page.close(),
    );

    const { certificate } = await page.createKeysAndCertificate({
      commonName: 'sensor-1',
      algorithm: 'P-256',
      setAsActive: true,
    });
    await page.createPolicy(
      'device',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'iot:Connect', Resource: `${ARN}:client/sensor-1` }],
      }),
    );
    await page.attachPolicy('device', certificate.certificateId);
    const identity: DeviceIdentity = {
      certificateId: certificate.certificateId,
      subject: certificate.subject,
      issuer: certificate.issuer,
      serialNumber: certificate.serialNumber,
      notBefore: certificate.notBefore,
      notAfter: certificate.notAfter,
      commonNames: ['sensor-1'],
    };
    const device: MqttClient = new mqtt.MqttClient(
      () => {
        const [near, far] = duplexPair();
        broker.handle(far as unknown as Parameters<typeof broker.handle>[0], () => {}, identity);
        return near;
      },
      { clientId: 'sensor-1', protocolVersion: 4, reconnectPeriod: 0 },
    );
    cleanups.push(() => void device.end(true));
    await new Promise<void>((resolve, reject) => {
      device.once('connect', () => resolve());
      device.once('error', reject);
    });

    const gone = new Promise<void>((resolve) => device.once('close', () => resolve()));
    await page.updateCertificate(certificate.certificateId, 'REVOKED');

    await gone;
    expect(device.connected).toBe(false);
  });
});
