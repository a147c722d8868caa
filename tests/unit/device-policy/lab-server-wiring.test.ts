/**
 * The lab server as `npm start` runs it: policies made over /api/registry hold its devices at
 * once, and deactivating a certificate over the API drops the device's live connection.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceIdentity } from '../../../src/core/tls/handshake-report.ts';
import { labServerRegistry } from '../../../src/browser/registry/lab-server-registry.ts';
import { startRegistryLab, type RegistryLab } from '../registry/support.ts';
import { ARN } from './device-lab.ts';
import { duplexPair } from './duplex-pair.ts';

describe('the lab server holds devices to the policies in its registry', () => {
  let lab: RegistryLab;
  const clients: MqttClient[] = [];

  beforeAll(async () => {
    lab = await startRegistryLab();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await lab?.stop();
  });

  /** What the mutual TLS listener hands the broker once the handshake is done. */
  function asDevice(clientId: string, identity: DeviceIdentity) {
    const client = new mqtt.MqttClient(
      () => {
        const [near, far] = duplexPair();
        lab.server.broker.handle(far, 'mtls', '127.0.0.1:51000', identity);
        return near;
      },
      { clientId, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 3000 },
    );
    client.on('error', () => {});
    clients.push(client);
    return client;
  }

  it('lets a device in once the page attaches a policy, and drops it when its certificate is deactivated', async () => {
    const registry = labServerRegistry(lab.base);
    const { certificate } = await registry.createKeysAndCertificate({
      commonName: 'sensor-1',
      algorithm: 'P-256',
      setAsActive: true,
    });
    const identity: DeviceIdentity = {
      certificateId: certificate.certificateId,
      subject: certificate.subject,
      issuer: certificate.issuer,
      serialNumber: certificate.serialNumber,
      notBefore: certificate.notBefore,
      notAfter: certificate.notAfter,
      commonNames: ['sensor-1'],
    };
    const refused = asDevice('sensor-1', identity);
    expect(
      await new Promise((resolve) =>
        refused.once('error', (e) => resolve((e as { code?: number }).code)),
      ),
    ).toBe(5);

    await registry.createPolicy(
      'device',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'iot:Connect', Resource: `${ARN}:client/sensor-1` }],
      }),
    );
    await registry.attachPolicy('device', `${ARN}:cert/${certificate.certificateId}`);
    const device = asDevice('sensor-1', identity);
    await new Promise<void>((resolve) => device.once('connect', () => resolve()));

    const gone = new Promise<void>((resolve) => device.once('close', () => resolve()));
    await registry.updateCertificate(certificate.certificateId, 'INACTIVE');
    await gone;

    expect(lab.registryLines()).toContain(
      `lab:registry attachment "device" attached to ${ARN}:cert/${certificate.certificateId}`,
    );
  });
});
