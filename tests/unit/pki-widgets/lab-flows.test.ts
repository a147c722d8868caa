import { describe, expect, it } from 'vitest';
import * as pki from '../../../src/core/pki/index.ts';
import {
  changeStatus,
  createFromCsr,
  createKeysAndCertificate,
  registerOwn,
} from '../../../src/widgets/pki/lab-flows.ts';
import { certificateOf, issueDevice, makeCa } from '../../../src/widgets/pki/workshop-actions.ts';
import { fakeRegistry } from './fake-registry.ts';

describe('the AWS flows against a lab registry', () => {
  it('create certificate from CSR sends the CSR and nothing secret, and keeps the key in the browser', async () => {
    const registry = await fakeRegistry();
    const result = await createFromCsr(pki, registry, {
      subject: { CN: 'greenhouse-sensor-3', O: 'Greenhouse Co' },
      algorithm: 'P-256',
      setAsActive: false,
      lab: 'in-page',
    });

    const sent = registry.calls.find((c) => c.method === 'createCertificateFromCsr')!;
    expect(sent.body).toContain('BEGIN CERTIFICATE REQUEST');
    expect(registry.calls.map((c) => c.body).join('\n')).not.toContain('PRIVATE KEY');
    expect(result.record.status).toBe('INACTIVE');
    expect(result.remembered.privateKeyPem).toContain('-----BEGIN PRIVATE KEY-----');
    expect(result.remembered.caPem).toBe((await registry.labCa()).pem);

    const keyPair = await pki.importPrivateKey(globalThis.crypto, result.remembered.privateKeyPem!);
    expect(certificateOf(pki, result.record.pem).publicKey.spki).toEqual(keyPair.spki);
  });

  it('create keys and certificate hands back the key the lab made', async () => {
    const registry = await fakeRegistry();
    const { created, remembered } = await createKeysAndCertificate(registry, {
      commonName: 'greenhouse-sensor-2',
      algorithm: 'P-256',
      setAsActive: true,
      lab: 'lab-server',
    });
    expect(created.certificate.status).toBe('ACTIVE');
    expect(remembered.privateKeyPem).toBe(created.privateKeyPem);
    expect(remembered.origin).toBe('create-keys-and-certificate');
  });

  it('registering your own CA twice registers it once, and the device certificate starts INACTIVE', async () => {
    const registry = await fakeRegistry();
    const ca = await makeCa(pki, 'P-256', { CN: 'My Device Root CA' });
    const device = await issueDevice(pki, ca, 'P-256', { CN: 'greenhouse-sensor-1' });

    const first = await registerOwn(pki, registry, { ca, device, lab: 'in-page' });
    const second = await registerOwn(pki, registry, { ca, device, lab: 'in-page' });

    expect(first.caWasNew).toBe(true);
    expect(second.caWasNew).toBe(false);
    expect(first.record.status).toBe('INACTIVE');
    expect(second.record.certificateId).toBe(first.record.certificateId);
    expect(registry.calls.filter((c) => c.method === 'registerCertificate')).toHaveLength(1);
    expect(first.remembered.caPem).toBe(ca.certificatePem);
  });

  it('an INACTIVE CA of yours is activated again, since its devices could not connect', async () => {
    const registry = await fakeRegistry();
    const ca = await makeCa(pki, 'P-256', { CN: 'Sleeping CA' });
    const device = await issueDevice(pki, ca, 'P-256', { CN: 'greenhouse-sensor-4' });
    const record = await registry.registerCa(ca.certificatePem, 'INACTIVE');

    await registerOwn(pki, registry, { ca, device, lab: 'lab-server' });
    expect(
      (await registry.listCas()).find((c) => c.caCertificateId === record.caCertificateId)?.status,
    ).toBe('ACTIVE');
  });

  it('a revoked certificate cannot be activated again, and the refusal reaches the caller', async () => {
    const registry = await fakeRegistry();
    const { remembered } = await createKeysAndCertificate(registry, {
      commonName: 'lost-sensor',
      algorithm: 'P-256',
      setAsActive: true,
      lab: 'in-page',
    });
    const revoked = await changeStatus(registry, remembered, 'REVOKED');
    expect(revoked.status).toBe('REVOKED');
    await expect(changeStatus(registry, revoked, 'ACTIVE')).rejects.toThrow(
      'REVOKED cannot become ACTIVE',
    );
  });
});
