import { describe, expect, it } from 'vitest';
import { clientIdFor, kitSources, readmeText } from '../../../src/widgets/pki/device-kit.ts';
import {
  forStorage,
  isIdentities,
  type Identities,
} from '../../../src/widgets/pki/identity-store.ts';

const keyed = (name: string) => ({
  algorithm: 'P-256' as const,
  certificatePem: `${name} certificate`,
  privateKeyPem: `${name} key`,
  createdAt: '2030-01-01T00:00:00Z',
});

const made: Identities = {
  ca: keyed('ca'),
  device: keyed('device'),
  lab: [
    {
      certificateId: 'a'.repeat(64),
      origin: 'create-keys-and-certificate',
      certificatePem: 'lab certificate',
      caPem: 'lab ca',
      privateKeyPem: 'shown once',
      lab: 'lab-server',
      status: 'ACTIVE',
    },
    {
      certificateId: 'b'.repeat(64),
      origin: 'register-certificate',
      certificatePem: 'device certificate',
      caPem: 'ca certificate',
      privateKeyPem: 'device key',
      lab: 'in-page',
      status: 'INACTIVE',
    },
  ],
};

describe('the device kit', () => {
  it('offers the workshop device and the lab-issued certificates, not the registered copy twice', () => {
    const sources = kitSources(made);
    expect(sources.map((s) => [s.id, s.signer, s.caPem])).toEqual([
      ['own-ca', 'own-ca', 'ca certificate'],
      ['a'.repeat(64), 'lab-ca', 'lab ca'],
    ]);
  });

  it('never writes a key the lab made to storage, but keeps keys made in the browser', () => {
    const stored = forStorage(made);
    expect(stored.lab[0]).not.toHaveProperty('privateKeyPem');
    expect(stored.lab[1]!.privateKeyPem).toBe('device key');
    expect(stored.device!.privateKeyPem).toBe('device key');
    expect(isIdentities(JSON.parse(JSON.stringify(stored)))).toBe(true);
    expect(isIdentities({ lab: 'nope' })).toBe(false);
  });

  it('makes a client ID AWS-style thing names allow', () => {
    expect(clientIdFor('capteur-serre-été')).toBe('capteur-serre-ete');
    expect(clientIdFor('greenhouse sensor 1')).toBe('greenhouse-sensor-1');
    expect(clientIdFor('温室')).toBe('handshake-device');
  });

  it('says what each file is, how to check it, and how to connect', () => {
    const facts = {
      subject: 'CN=greenhouse-sensor-1,O=Greenhouse Co',
      issuer: 'CN=My Device Root CA,O=Greenhouse Co',
      commonName: 'greenhouse-sensor-1',
      certificateId: 'c'.repeat(64),
      notAfter: '2031-01-01T00:00:00Z',
    };
    const own = readmeText({ ...facts, signer: 'own-ca' });
    expect(own).toContain('openssl verify -CAfile ca.pem device.crt');
    expect(own).toContain('mosquitto_pub -h 127.0.0.1 -p 8883');
    expect(own).toContain('--cafile lab-ca.pem --cert device.crt --key device.key');
    expect(own).toContain("-i greenhouse-sensor-1 -t 'lab/greenhouse-sensor-1/hello'");
    expect(own).toContain('c'.repeat(64));
    expect(own).toContain('TLS listener comes in the "Mutual TLS" lesson');

    const lab = readmeText({ ...facts, signer: 'lab-ca', host: '192.168.1.20' });
    expect(lab).toContain('--cafile ca.pem --cert device.crt');
    expect(lab).toContain('mosquitto_pub -h 192.168.1.20 -p 8883');
  });
});
