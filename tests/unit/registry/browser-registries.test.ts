import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryError } from '../../../src/core/lab/certificate-registry.ts';
import type { BrokerTarget } from '../../../src/browser/connection/connection.ts';
import { IN_PAGE_TARGET } from '../../../src/browser/in-page-lab/in-page-connection.ts';
import { openRegistryStore } from '../../../src/browser/in-page-lab/registry-store.ts';
import { inPageRegistry } from '../../../src/browser/registry/in-page-registry.ts';
import { labServerRegistry } from '../../../src/browser/registry/lab-server-registry.ts';
import { httpOrigin, registryFor } from '../../../src/browser/registry/registry-for.ts';
import { csrFor, ownCa, startRegistryLab, type RegistryLab } from './support.ts';

async function refusal(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => new Error('expected a RegistryError, but the call succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  return error as RegistryError;
}

describe('labServerRegistry: the lab server’s registry from a page', () => {
  let lab: RegistryLab;

  beforeAll(async () => {
    lab = await startRegistryLab();
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('does each operation over /api/registry, and the server keeps the result', async () => {
    const registry = labServerRegistry(lab.base);
    const { ca, device } = await ownCa('Page CA');

    const labCa = await registry.labCa();
    const registeredCa = await registry.registerCa(ca.issued.pem, 'ACTIVE');
    const registered = await registry.registerCertificate({ pem: device.pem, status: 'ACTIVE' });
    const fromCsr = await registry.createCertificateFromCsr({
      csrPem: (await csrFor('page-csr')).pem,
    });
    const made = await registry.createKeysAndCertificate({
      commonName: 'page-made',
      algorithm: 'P-256',
    });
    await registry.updateCertificate(registered.certificateId, 'INACTIVE');
    await registry.deleteCertificate(registered.certificateId);
    await registry.setCaStatus(registeredCa.caCertificateId, 'INACTIVE');

    expect(labCa.isLabCa).toBe(true);
    expect((await registry.listCas()).map((c) => [c.subject, c.status])).toEqual([
      ['CN=Handshake Lab Root CA,O=Handshake Lab', 'ACTIVE'],
      ['CN=Page CA,O=Learner', 'INACTIVE'],
    ]);
    expect((await registry.listCertificates()).map((c) => c.subject)).toEqual([
      'CN=page-csr',
      'CN=page-made',
    ]);
    expect(await registry.describeCertificate(fromCsr.certificateId)).toEqual(fromCsr);
    expect(made.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(await lab.server.registry.describeCertificate(made.certificate.certificateId)).toEqual(
      made.certificate,
    );
  });

  it('rebuilds the server’s refusal as a RegistryError with the same code and message', async () => {
    const registry = labServerRegistry(lab.base);
    const { certificate } = await registry.createKeysAndCertificate({
      commonName: 'revoked',
      algorithm: 'P-256',
    });
    await registry.updateCertificate(certificate.certificateId, 'REVOKED');

    const error = await refusal(registry.updateCertificate(certificate.certificateId, 'ACTIVE'));

    expect(error.code).toBe('invalid-transition');
    expect(error.message).toContain('cannot move from REVOKED to ACTIVE');
  });

  it('sends only the CSR to the server: the page’s private key never leaves it', async () => {
    const bodies: string[] = [];
    const spy = (input: string, init?: RequestInit) => {
      if (typeof init?.body === 'string') bodies.push(init.body);
      return fetch(input, init);
    };
    const csr = await csrFor('private-key-stays');
    const { privateKeyPem } = await import('../../../src/core/pki/index.ts');

    await labServerRegistry(lab.base, spy).createCertificateFromCsr({ csrPem: csr.pem });

    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain('CERTIFICATE REQUEST');
    const keyBody = privateKeyPem(csr.keyPair).split('\n')[1]!;
    expect(bodies[0]).not.toContain(keyBody);
    expect(bodies[0]).not.toContain('PRIVATE KEY');
  });

  it('says when no lab server answers, and when the origin is not a lab server', async () => {
    // What fetch does when nothing listens: it rejects with a TypeError.
    const down = labServerRegistry(lab.base, async () => {
      throw new TypeError('fetch failed');
    });
    const notLab = labServerRegistry(
      lab.base,
      async () => new Response('<h1>Not found</h1>', { status: 404, statusText: 'Not Found' }),
    );

    const unreachable = await refusal(down.listCertificates());
    const plain = await refusal(notLab.listCertificates());

    expect(unreachable.code).toBe('lab-server-unreachable');
    expect(unreachable.message).toContain('Is `npm start` still running?');
    expect(plain.code).toBe('no-registry');
    expect(plain.message).toContain('answered 404 Not Found');
  });
});

describe('inPageRegistry: the in-page lab’s registry in IndexedDB', () => {
  it('survives a reload: a new registry over the same database has the same CA and certificates', async () => {
    const factory = new IDBFactory();
    const before = inPageRegistry({ factory, name: 'reload-test' });
    const labCa = await before.labCa();
    const { certificate } = await before.createKeysAndCertificate({
      commonName: 'in-page',
      algorithm: 'P-256',
      setAsActive: true,
    });
    before.close();

    const after = inPageRegistry({ factory, name: 'reload-test' });

    expect((await after.labCa()).caCertificateId).toBe(labCa.caCertificateId);
    expect(await after.describeCertificate(certificate.certificateId)).toEqual(certificate);
    await after.updateCertificate(certificate.certificateId, 'REVOKED');
    const error = await refusal(after.updateCertificate(certificate.certificateId, 'ACTIVE'));
    expect(error.code).toBe('invalid-transition');
    after.close();
  });

  it('keeps its state as one record beside the lab’s other collections', async () => {
    const factory = new IDBFactory();
    const registry = inPageRegistry({ factory, name: 'layout-test' });
    await registry.labCa();
    registry.close();

    const store = await openRegistryStore({ factory, name: 'layout-test' });
    const saved = await store.list('certificate-registry');
    store.close();

    expect(saved.map((entry) => entry.key)).toEqual(['state']);
    expect(saved[0]!.record).toMatchObject({ version: 1, cas: [{ isLabCa: true }] });
  });

  it('refuses a saved state it cannot read, saying how to start afresh', async () => {
    const factory = new IDBFactory();
    const store = await openRegistryStore({ factory, name: 'broken-test' });
    await store.put('certificate-registry', 'state', { version: 99 } as never);
    store.close();

    const error = await refusal(inPageRegistry({ factory, name: 'broken-test' }).listCas());

    expect(error.code).toBe('registry-unreadable');
    expect(error.message).toContain("clear this site's data in the browser");
  });
});

describe('registryFor: the registry of the broker the learner picked', () => {
  it('is the in-page registry for the in-page lab, the same one each time', () => {
    expect(registryFor(IN_PAGE_TARGET)).toBe(registryFor(IN_PAGE_TARGET));
  });

  it('reaches the lab server at the HTTP origin of its WebSocket address', () => {
    expect(httpOrigin('ws://127.0.0.1:4321/mqtt')).toBe('http://127.0.0.1:4321');
    expect(httpOrigin('wss://lab.example:8443/mqtt')).toBe('https://lab.example:8443');
  });

  it('refuses every call for a public broker with no-registry', async () => {
    const target: BrokerTarget = {
      kind: 'public',
      label: 'HiveMQ public broker',
      url: 'wss://broker.hivemq.com:8884/mqtt',
      explains: false,
    };

    const error = await refusal(registryFor(target).listCertificates());

    expect(error.code).toBe('no-registry');
    expect(error.message).toContain('HiveMQ public broker is a public broker');
  });
});
