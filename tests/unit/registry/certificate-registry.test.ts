import { beforeAll, describe, expect, it } from 'vitest';
import {
  RegistryError,
  type CertificateStatus,
} from '../../../src/core/lab/certificate-registry.ts';
import {
  createCertificateRegistry,
  formatRegistryChange,
  memoryStorage,
  type RegistryChange,
  type RegistryState,
  type RegistryStorage,
} from '../../../src/core/lab/registry/index.ts';
import {
  importPrivateKey,
  readCertificate,
  decodeSync,
  verifyChain,
  type Certificate,
} from '../../../src/core/pki/index.ts';
import transitions from './certificate-transitions.json' with { type: 'json' };
import { crypto, csrFor, deviceOf, ownCa, recordingStorage, tamper } from './support.ts';

const clock = () => new Date('2026-03-01T12:00:00.000Z');

function registryOver(storage: RegistryStorage = memoryStorage()) {
  const changes: RegistryChange[] = [];
  const registry = createCertificateRegistry(storage, crypto, clock, {
    onChange: (change) => changes.push(change),
  });
  return { registry, changes, storage };
}

function certificateIn(pem: string): Certificate {
  const block = decodeSync(pem).blocks[0];
  if (block?.status !== 'decoded' || block.object.kind !== 'certificate') throw new Error(pem);
  return block.object;
}

/** Resolves to the RegistryError a promise rejects with, failing if it resolves. */
async function refusal(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a RegistryError, but the call succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  return error as RegistryError;
}

describe('the lab CA', () => {
  it('is made on first use as a root named "Handshake Lab Root CA", ACTIVE, and kept', async () => {
    const { registry, changes, storage } = registryOver();

    const ca = await registry.labCa();

    expect(ca).toMatchObject({
      subject: 'CN=Handshake Lab Root CA,O=Handshake Lab',
      status: 'ACTIVE',
      isLabCa: true,
      registeredAt: '2026-03-01T12:00:00.000Z',
    });
    expect(ca.caCertificateId).toMatch(/^[0-9a-f]{64}$/);
    expect(readCertificate(certificateIn(ca.pem).der).extensions.basicConstraints?.cA).toBe(true);
    expect(changes.map(formatRegistryChange)).toEqual([
      `ca ${ca.caCertificateId.slice(0, 8)}… new -> ACTIVE lab-ca subject="CN=Handshake Lab Root CA,O=Handshake Lab"`,
    ]);
    const saved = (await storage.load())!;
    expect(saved.labCa?.caCertificateId).toBe(ca.caCertificateId);
    expect(saved.labCa?.privateKeyPem).toContain('-----BEGIN PRIVATE KEY-----');
  });

  it('is made once, even when the first calls come together, and reused by a new registry', async () => {
    const storage = memoryStorage();
    const { registry, changes } = registryOver(storage);

    const [a, b, cas, made] = await Promise.all([
      registry.labCa(),
      registry.labCa(),
      registry.listCas(),
      registry.createKeysAndCertificate({ commonName: 'first', algorithm: 'P-256' }),
    ]);

    expect(b.caCertificateId).toBe(a.caCertificateId);
    expect(cas.map((ca) => ca.caCertificateId)).toEqual([a.caCertificateId]);
    expect(made.certificate.caCertificateId).toBe(a.caCertificateId);
    expect(changes.filter((c) => c.record === 'ca')).toHaveLength(1);
    const again = registryOver(storage);
    expect((await again.registry.labCa()).caCertificateId).toBe(a.caCertificateId);
    expect(again.changes).toEqual([]);
  });

  it('never hands out its private key', async () => {
    const { registry } = registryOver();

    const answers = await Promise.all([registry.labCa(), registry.listCas()]);

    expect(JSON.stringify(answers)).not.toContain('PRIVATE KEY');
  });
});

describe('createKeysAndCertificate', () => {
  it('makes an RSA-2048 key and a device certificate the lab CA signed, INACTIVE without setAsActive', async () => {
    const { registry, storage } = registryOver();

    const made = await registry.createKeysAndCertificate({ commonName: 'sensor-1' });
    const certificate = certificateIn(made.certificate.pem);
    const labCa = certificateIn((await registry.labCa()).pem);

    expect(made.certificate).toMatchObject({
      subject: 'CN=sensor-1',
      issuer: 'CN=Handshake Lab Root CA,O=Handshake Lab',
      status: 'INACTIVE',
      origin: 'create-keys-and-certificate',
      createdAt: '2026-03-01T12:00:00.000Z',
    });
    expect(certificate.publicKey.description).toBe('RSA 2048-bit');
    const chain = await verifyChain(crypto, { leaf: certificate, trustAnchors: [labCa] });
    expect(chain.failures).toEqual([]);
    const key = await importPrivateKey(crypto, made.privateKeyPem);
    expect(key.spki).toEqual(certificate.publicKey.spki);
    expect(made.publicKeyPem).toContain('-----BEGIN PUBLIC KEY-----');
    // The key is shown this once: the registry keeps none of it.
    const body = made.privateKeyPem.split('\n')[1]!;
    expect(JSON.stringify(await storage.load())).not.toContain(body);
  });

  it('makes a P-256 key on request, and an ACTIVE certificate with setAsActive', async () => {
    const { registry } = registryOver();

    const made = await registry.createKeysAndCertificate({
      commonName: 'sensor-2',
      algorithm: 'P-256',
      setAsActive: true,
    });

    expect(made.certificate.status).toBe('ACTIVE');
    expect(certificateIn(made.certificate.pem).publicKey.description).toBe('EC P-256');
  });

  it('refuses an algorithm AWS IoT does not take, and a name RFC 5280 does not allow', async () => {
    const { registry } = registryOver();

    const algorithm = await refusal(
      registry.createKeysAndCertificate({ commonName: 'x', algorithm: 'RSA-1024' as never }),
    );
    const name = await refusal(
      registry.createKeysAndCertificate({ commonName: 'x'.repeat(65), algorithm: 'P-256' }),
    );

    expect(algorithm.code).toBe('invalid-algorithm');
    expect(algorithm.message).toContain('"RSA-1024" is not a key algorithm the lab issues');
    expect(name.code).toBe('attribute-too-long');
    expect(await registry.listCertificates()).toEqual([]);
  });
});

describe('createCertificateFromCsr', () => {
  it('signs the CSR’s own key and subject with the lab CA; the key stays with the device', async () => {
    const { registry } = registryOver();
    const csr = await csrFor('csr-device');

    const record = await registry.createCertificateFromCsr({ csrPem: csr.pem });
    const certificate = certificateIn(record.pem);

    expect(record).toMatchObject({
      subject: 'CN=csr-device',
      status: 'INACTIVE',
      origin: 'create-certificate-from-csr',
      caCertificateId: (await registry.labCa()).caCertificateId,
    });
    expect(certificate.publicKey.spki).toEqual(csr.keyPair.spki);
    expect(
      (await registry.createCertificateFromCsr({ csrPem: csr.pem, setAsActive: true })).status,
    ).toBe('ACTIVE');
  });

  it('rejects a CSR changed after it was signed, and keeps nothing', async () => {
    const { registry } = registryOver();
    const csr = await csrFor('sensor-a');

    const error = await refusal(
      registry.createCertificateFromCsr({ csrPem: tamper(csr.der, 'sensor-a', 'sensor-b') }),
    );

    expect(error.code).toBe('csr-signature-invalid');
    expect(error.message).toContain(
      'The CSR for "CN=sensor-b" is not signed by the key it carries',
    );
    expect(await registry.listCertificates()).toEqual([]);
  });

  it('says what it could not read in text that is not a CSR', async () => {
    const { registry } = registryOver();

    const error = await refusal(registry.createCertificateFromCsr({ csrPem: 'hello' }));

    expect(error.code).toBe('not-decodable');
    expect(error.message).toMatch(/^The CSR could not be read\./);
  });
});

describe('registerCa', () => {
  it('registers a CA certificate INACTIVE by default, and ACTIVE when asked', async () => {
    const { registry, changes } = registryOver();
    const { ca } = await ownCa();
    const other = await ownCa('Second CA');

    const inactive = await registry.registerCa(ca.issued.pem);
    const active = await registry.registerCa(other.ca.issued.pem, 'ACTIVE');

    expect(inactive).toMatchObject({
      subject: 'CN=Learner CA,O=Learner',
      status: 'INACTIVE',
      isLabCa: false,
    });
    expect(active.status).toBe('ACTIVE');
    expect((await registry.setCaStatus(inactive.caCertificateId, 'ACTIVE')).status).toBe('ACTIVE');
    expect(
      changes.map((c) => ['from' in c && c.record, 'from' in c && c.from, 'from' in c && c.to]),
    ).toEqual([
      ['ca', null, 'INACTIVE'],
      ['ca', null, 'ACTIVE'],
      ['ca', 'INACTIVE', 'ACTIVE'],
    ]);
  });

  it('refuses a certificate that is not a CA, and the same CA twice', async () => {
    const { registry } = registryOver();
    const { ca, device } = await ownCa();
    await registry.registerCa(ca.issued.pem);

    const notCa = await refusal(registry.registerCa(device.pem));
    const twice = await refusal(registry.registerCa(ca.issued.pem));
    const missing = await refusal(registry.setCaStatus('0'.repeat(64), 'ACTIVE'));

    expect(notCa.code).toBe('not-a-ca');
    expect(notCa.message).toContain('"CN=own-device" is not a CA certificate');
    expect(twice.code).toBe('ca-exists');
    expect(missing.code).toBe('ca-not-found');
  });
});

describe('registerCertificate', () => {
  it('registers a device certificate issued by a registered CA, INACTIVE by default', async () => {
    const { registry } = registryOver();
    const { ca, device } = await ownCa();
    const caRecord = await registry.registerCa(ca.issued.pem, 'ACTIVE');

    const record = await registry.registerCertificate({ pem: device.pem });

    expect(record).toMatchObject({
      subject: 'CN=own-device',
      issuer: 'CN=Learner CA,O=Learner',
      status: 'INACTIVE',
      origin: 'register-certificate',
      caCertificateId: caRecord.caCertificateId,
    });
    const active = await registry.registerCertificate({
      pem: (await deviceOf(ca, 'two')).pem,
      status: 'ACTIVE',
    });
    expect(active.status).toBe('ACTIVE');
  });

  it('refuses a certificate whose CA is not registered, naming the issuer', async () => {
    const { registry } = registryOver();
    const { device } = await ownCa();

    const error = await refusal(registry.registerCertificate({ pem: device.pem }));

    expect(error.code).toBe('ca-not-registered');
    expect(error.message).toContain(
      'was issued by "CN=Learner CA,O=Learner", and no CA of that name is registered',
    );
  });

  it('refuses a certificate whose signature the registered CA of that name does not verify', async () => {
    const { registry } = registryOver();
    const registered = await ownCa('Look-alike CA');
    const impostor = await ownCa('Look-alike CA');
    await registry.registerCa(registered.ca.issued.pem);

    const error = await refusal(registry.registerCertificate({ pem: impostor.device.pem }));

    expect(error.code).toBe('certificate-signature-invalid');
    expect(error.message).toContain('the registered CA of that name did not sign it');
    expect(await registry.listCertificates()).toEqual([]);
  });

  it('refuses the same certificate twice, and PENDING_ACTIVATION, which only AWS sets', async () => {
    const { registry } = registryOver();
    const { ca, device } = await ownCa();
    await registry.registerCa(ca.issued.pem);
    const first = await registry.registerCertificate({ pem: device.pem });

    const twice = await refusal(registry.registerCertificate({ pem: device.pem }));
    const pending = await refusal(
      registry.registerCertificate({
        pem: (await deviceOf(ca, 'p')).pem,
        status: 'PENDING_ACTIVATION',
      }),
    );

    expect(twice.code).toBe('certificate-exists');
    expect(twice.message).toContain(first.certificateId);
    expect(pending.code).toBe('invalid-status');
    expect(pending.message).toContain('Only AWS sets PENDING_ACTIVATION');
  });
});

describe('updateCertificate', () => {
  let base: RegistryState;
  let id: string;

  beforeAll(async () => {
    const storage = memoryStorage();
    const { registry } = registryOver(storage);
    id = (await registry.createKeysAndCertificate({ commonName: 'moving', algorithm: 'P-256' }))
      .certificate.certificateId;
    base = (await storage.load())!;
  });

  /** A registry whose one certificate has `status`. */
  function withStatus(status: CertificateStatus) {
    const state = JSON.parse(JSON.stringify(base)) as RegistryState;
    state.certificates[0]!.status = status;
    return registryOver(memoryStorage(state));
  }

  it.each(
    transitions as {
      from: CertificateStatus;
      to: CertificateStatus;
      allowed: boolean;
      why: string;
    }[],
  )('$from -> $to: allowed $allowed ($why)', async ({ from, to, allowed }) => {
    const { registry, changes } = withStatus(from);

    if (allowed) {
      expect((await registry.updateCertificate(id, to)).status).toBe(to);
      expect((await registry.describeCertificate(id)).status).toBe(to);
      expect(changes).toHaveLength(from === to ? 0 : 1);
      return;
    }
    const error = await refusal(registry.updateCertificate(id, to));
    expect(error.code).toBe('invalid-transition');
    expect(error.message).toContain(`cannot move from ${from} to ${to}`);
    expect((await registry.describeCertificate(id)).status).toBe(from);
  });

  it('says REVOKED is final when asked to bring a revoked certificate back', async () => {
    const { registry } = withStatus('REVOKED');

    const error = await refusal(registry.updateCertificate(id, 'ACTIVE'));

    expect(error.message).toBe(
      `Certificate ${id.slice(0, 8)}… (CN=moving) cannot move from REVOKED to ACTIVE. REVOKED is ` +
        'final: a revoked certificate never connects again. Make or register a new certificate instead.',
    );
  });

  it('stamps updatedAt and reports the change as a log line', async () => {
    const storage = memoryStorage(base);
    const changes: RegistryChange[] = [];
    const later = createCertificateRegistry(
      storage,
      crypto,
      () => new Date('2026-04-01T00:00:00Z'),
      {
        onChange: (c) => changes.push(c),
      },
    );

    const record = await later.updateCertificate(id, 'ACTIVE');

    expect(record.updatedAt).toBe('2026-04-01T00:00:00.000Z');
    expect(record.createdAt).toBe('2026-03-01T12:00:00.000Z');
    expect(changes.map(formatRegistryChange)).toEqual([
      `certificate ${id.slice(0, 8)}… INACTIVE -> ACTIVE subject="CN=moving"`,
    ]);
  });

  it('refuses a status that does not exist, and an ID that is not there', async () => {
    const { registry } = withStatus('ACTIVE');

    const status = await refusal(registry.updateCertificate(id, 'DISABLED' as never));
    const missing = await refusal(registry.updateCertificate('f'.repeat(64), 'INACTIVE'));
    const shape = await refusal(registry.describeCertificate('sensor-1'));

    expect(status.code).toBe('invalid-status');
    expect(missing.code).toBe('certificate-not-found');
    expect(missing.message).toContain(`No certificate has the ID ffffffff… (${'f'.repeat(64)})`);
    expect(shape.message).toContain('"sensor-1" is not a certificate ID');
  });
});

describe('deleteCertificate', () => {
  it.each(['INACTIVE', 'REVOKED', 'PENDING_ACTIVATION'] as const)(
    'deletes a %s certificate',
    async (status) => {
      const storage = memoryStorage();
      const { registry } = registryOver(storage);
      const { certificate } = await registry.createKeysAndCertificate({
        commonName: 'gone',
        algorithm: 'P-256',
      });
      const state = (await storage.load())!;
      state.certificates[0]!.status = status;
      await storage.save(state);

      await registry.deleteCertificate(certificate.certificateId);

      expect(await registry.listCertificates()).toEqual([]);
      const error = await refusal(registry.describeCertificate(certificate.certificateId));
      expect(error.code).toBe('certificate-not-found');
    },
  );

  it('refuses to delete an ACTIVE certificate, as AWS does, and says to deactivate it first', async () => {
    const { registry, changes } = registryOver();
    const { certificate } = await registry.createKeysAndCertificate({
      commonName: 'busy',
      algorithm: 'P-256',
      setAsActive: true,
    });

    const error = await refusal(registry.deleteCertificate(certificate.certificateId));
    await registry.updateCertificate(certificate.certificateId, 'INACTIVE');
    await registry.deleteCertificate(certificate.certificateId);

    expect(error.code).toBe('certificate-active');
    expect(error.message).toContain('Set it to INACTIVE or REVOKED first');
    expect(changes.map(formatRegistryChange).at(-1)).toBe(
      `certificate ${certificate.certificateId.slice(0, 8)}… INACTIVE -> deleted subject="CN=busy"`,
    );
  });
});

describe('one operation at a time', () => {
  it('concurrent calls never interleave a load and a save, and no change is lost', async () => {
    const recording = recordingStorage();
    const { registry } = registryOver(recording.storage);
    await registry.labCa();
    recording.log.length = 0;

    const names = ['a', 'b', 'c', 'd', 'e'];
    await Promise.all(
      names.map((commonName) =>
        registry.createKeysAndCertificate({ commonName, algorithm: 'P-256' }),
      ),
    );

    expect(recording.log).toEqual(names.flatMap(() => ['load', 'save']));
    expect(recording.state()!.certificates.map((c) => c.subject)).toEqual(
      names.map((n) => `CN=${n}`),
    );
  });

  it('a failed call does not hold up the ones after it', async () => {
    const { registry } = registryOver();

    const results = await Promise.allSettled([
      registry.describeCertificate('missing'),
      registry.createKeysAndCertificate({ commonName: 'after', algorithm: 'P-256' }),
    ]);

    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
  });

  it('a saved state this lab cannot read is refused with what to do, not overwritten', async () => {
    const storage = memoryStorage({ version: 7 } as never);
    const { registry } = registryOver(storage);

    const error = await refusal(registry.listCertificates());

    expect(error.code).toBe('registry-unreadable');
    expect(storage.saved()).toBe('{"version":7}');
  });
});
