import { describe, expect, it } from 'vitest';
import type { DeviceAuthorization } from '../../../src/core/lab/device-authorizer.ts';
import { createDeviceGate } from '../../../src/core/lab/device-gate.ts';
import type { DeviceIdentity } from '../../../src/core/tls/handshake-report.ts';

const ARN = 'arn:aws:iot:us-east-1:123456789012';

const identity: DeviceIdentity = {
  certificateId: 'a'.repeat(64),
  subject: 'CN=sensor-01',
  issuer: 'CN=Handshake Lab Root CA',
  serialNumber: '01',
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2027-01-01T00:00:00.000Z',
  commonNames: ['sensor-01'],
};

const authorization: DeviceAuthorization = {
  certificateStatus: 'ACTIVE',
  context: { 'iot:ClientId': 'sensor-01' },
  policies: [
    {
      name: 'device',
      document: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'iot:Connect', Resource: `${ARN}:client/sensor-01` },
          { Effect: 'Allow', Action: 'iot:Publish', Resource: `${ARN}:topic/sensors/sensor-01/*` },
        ],
      },
    },
  ],
  versions: { device: '1' },
};

describe('device gate', () => {
  // mosquitto_pub at QoS 0 sends PUBLISH and DISCONNECT back to back: the broker forgets the
  // client while the publish's policy is still being read.
  it('decides a publish on who the client was when it leaves during the registry read', async () => {
    let release: () => void = () => undefined;
    const later = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    const gate = createDeviceGate<object>(async () => {
      reads += 1;
      if (reads > 1) await later;
      return authorization;
    });
    const client = {};
    const device = { identity, clientId: 'sensor-01', address: '127.0.0.1:5000' };
    expect(await gate.admit(client, device)).toBeNull();

    const allowed = gate.publish(client, 'sensors/sensor-01/temperature', false);
    const denied = gate.publish(client, 'sensors/other/temperature', false);
    gate.forget(client);
    release();

    expect(await allowed).toBeNull();
    const refusal = await denied;
    expect(refusal?.explanation?.outcome).toBe('implicitly-denied');
    expect(refusal?.explanation?.resource).toBe(`${ARN}:topic/sensors/other/temperature`);
  });
});
