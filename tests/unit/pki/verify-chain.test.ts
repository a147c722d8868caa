import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createIntermediateCa,
  createLabCa,
  createRootCa,
  generateKeyPair,
  issueCertificate,
  verifyChain,
  PkiError,
  type ChainVerification,
  type IssuedAuthority,
  type KeyPair,
  type LabCa,
} from '../../../src/core/pki/index.ts';
import { DAY, crypto, openssl, requireOpenssl, tempDir, type TempDir } from './support.ts';

let lab: LabCa;
let deviceKey: KeyPair;
let dir: TempDir;

beforeAll(async () => {
  lab = await createLabCa(crypto, {
    algorithm: 'P-256',
    intermediate: true,
    organization: 'Chain Lab',
  });
  deviceKey = await generateKeyPair(crypto, 'P-256');
  dir = tempDir();
});

afterAll(() => dir?.remove());

const device = (options: Partial<Parameters<typeof issueCertificate>[1]> = {}) =>
  issueCertificate(crypto, {
    role: 'device',
    subject: { CN: 'sensor-7', O: 'Chain Lab' },
    publicKey: deviceKey,
    issuer: lab.signer,
    ...options,
  });

const failures = (v: ChainVerification) => v.failures.map((f) => [f.position, f.failure]);

describe('a chain that is fine', () => {
  it('lists every check, leaf first, and passes', async () => {
    const leaf = await device();
    const v = await verifyChain(crypto, {
      leaf: leaf.certificate,
      intermediates: [lab.intermediate!.certificate],
      trustAnchors: [lab.root.certificate],
    });
    expect(v.valid).toBe(true);
    expect(v.path.map((c) => c.subject.text)).toEqual([
      'CN=sensor-7,O=Chain Lab',
      'CN=Chain Lab Device CA,O=Chain Lab',
      'CN=Chain Lab Root CA,O=Chain Lab',
    ]);
    expect(v.checks.map((c) => `${c.position}:${c.check}`)).toEqual([
      'leaf:issuer',
      'leaf:signature',
      'leaf:validity',
      'leaf:key-usage',
      'leaf:extended-key-usage',
      'intermediate:issuer',
      'intermediate:signature',
      'intermediate:validity',
      'intermediate:ca',
      'intermediate:key-usage',
      'intermediate:path-length',
      'trust anchor:validity',
      'trust anchor:trust-anchor',
      'trust anchor:ca',
      'trust anchor:key-usage',
    ]);
    expect(v.checks[1]!.detail).toBe(
      'ecdsa-with-SHA256 signature verifies with the key of "CN=Chain Lab Device CA,O=Chain Lab"',
    );
    expect(v.notes).toEqual([]);
  });
});

describe('failures a learner can act on', () => {
  it('a certificate whose validity ended yesterday fails as expired, with the date', async () => {
    const now = new Date();
    const leaf = await device({
      notBefore: new Date(now.getTime() - 30 * DAY),
      notAfter: new Date(now.getTime() - DAY),
    });
    const v = await verifyChain(crypto, {
      leaf: leaf.certificate,
      intermediates: [lab.intermediate!.certificate],
      trustAnchors: [lab.root.certificate],
      at: now,
    });
    expect(failures(v)).toEqual([['leaf', 'expired']]);
    const notAfter = leaf.certificate.validity.notAfter.toISOString().replace('.000', '');
    expect(v.failures[0]!.title).toBe('Expired');
    expect(v.failures[0]!.detail).toMatch(
      new RegExp(
        `^expired: it was valid until ${notAfter} \\(notAfter\\), and the verification time is `,
      ),
    );
  });

  it('verification time is a parameter: the same certificate is valid on a day inside its period', async () => {
    const now = new Date();
    // The CA must have been valid then too, so it is backdated.
    const root = await createRootCa(crypto, {
      subject: { CN: 'Old Root' },
      notBefore: new Date(now.getTime() - 60 * DAY),
    });
    const leaf = await issueCertificate(crypto, {
      role: 'device',
      subject: { CN: 'sensor-8' },
      publicKey: deviceKey,
      issuer: root,
      notBefore: new Date(now.getTime() - 30 * DAY),
      notAfter: new Date(now.getTime() - DAY),
    });
    const input = { leaf: leaf.certificate, trustAnchors: [root.certificate] };
    expect(
      (await verifyChain(crypto, { ...input, at: new Date(now.getTime() - 10 * DAY) })).valid,
    ).toBe(true);
    expect(failures(await verifyChain(crypto, { ...input, at: now }))).toEqual([
      ['leaf', 'expired'],
    ]);
    expect(
      failures(await verifyChain(crypto, { ...input, at: new Date(now.getTime() - 45 * DAY) })),
    ).toEqual([['leaf', 'not-yet-valid']]);
  });

  it('a certificate not valid until tomorrow fails as not yet valid', async () => {
    const tomorrow = new Date(Date.now() + DAY);
    const leaf = await device({ notBefore: tomorrow });
    const v = await verifyChain(crypto, {
      leaf: leaf.certificate,
      intermediates: [lab.intermediate!.certificate],
      trustAnchors: [lab.root.certificate],
    });
    expect(failures(v)).toEqual([['leaf', 'not-yet-valid']]);
    expect(v.failures[0]!.detail).toContain(
      `it is valid from ${tomorrow.toISOString().replace(/\.\d{3}Z$/, 'Z')} (notBefore)`,
    );
  });

  it('a certificate signed by another CA fails with "unknown issuer", naming the issuer', async () => {
    const other = await createRootCa(crypto, { subject: { CN: 'Elsewhere CA', O: 'Other Corp' } });
    const leaf = await issueCertificate(crypto, {
      role: 'device',
      subject: { CN: 'stray' },
      publicKey: deviceKey,
      issuer: other,
    });
    const v = await verifyChain(crypto, {
      leaf: leaf.certificate,
      trustAnchors: [lab.root.certificate],
    });
    expect(failures(v)).toEqual([['leaf', 'unknown-issuer']]);
    expect(v.failures[0]!.detail).toMatch(
      /^unknown issuer: the certificate was issued by "CN=Elsewhere CA,O=Other Corp", and no trusted CA certificate/,
    );
  });

  it('a certificate from a CA that shares the trusted CA’s name but not its key has a bad signature', async () => {
    const impostor = await createRootCa(crypto, {
      subject: { O: 'Chain Lab', CN: 'Chain Lab Root CA' },
    });
    const leaf = await issueCertificate(crypto, {
      role: 'device',
      subject: { CN: 'fake' },
      publicKey: deviceKey,
      issuer: impostor,
    });
    const v = await verifyChain(crypto, {
      leaf: leaf.certificate,
      trustAnchors: [lab.root.certificate],
    });
    expect(failures(v)).toEqual([['leaf', 'bad-signature']]);
    expect(v.failures[0]!.detail).toContain(
      'but its signature does not verify with the key of "CN=Chain Lab Root CA,O=Chain Lab"',
    );
  });

  it('an intermediate without CA:TRUE fails with "issuer is not a CA", and OpenSSL agrees', async () => {
    requireOpenssl();
    const notCaKey = await generateKeyPair(crypto, 'P-256');
    const fake = await issueCertificate(crypto, {
      role: 'intermediate-ca',
      subject: { CN: 'Not A CA' },
      publicKey: notCaKey,
      issuer: lab.root,
      overrides: { cA: false },
    });
    expect(fake.certificate.extensions.basicConstraints).toEqual({ cA: false });
    const authority = { certificate: fake.certificate, keyPair: notCaKey };

    await expect(
      issueCertificate(crypto, {
        role: 'device',
        subject: { CN: 'x' },
        publicKey: deviceKey,
        issuer: authority,
      }),
    ).rejects.toMatchObject({ code: 'issuer-not-ca' });
    const leaf = await issueCertificate(crypto, {
      role: 'device',
      subject: { CN: 'under-a-non-ca' },
      publicKey: deviceKey,
      issuer: authority,
      overrides: { allowNonCaIssuer: true },
    });

    const v = await verifyChain(crypto, {
      leaf: leaf.certificate,
      intermediates: [fake.certificate],
      trustAnchors: [lab.root.certificate],
    });
    expect(failures(v)).toEqual([['intermediate', 'issuer-not-ca']]);
    expect(v.failures[0]!.detail).toBe(
      'issuer is not a CA: it signed "CN=under-a-non-ca", but its basicConstraints says CA:FALSE. Only a CA ' +
        'certificate may sign certificates; issue "CN=under-a-non-ca" from a root or intermediate CA instead.',
    );

    const run = openssl([
      'verify',
      '-CAfile',
      dir.write('root.pem', lab.root.issued.pem),
      '-untrusted',
      dir.write('notca.pem', fake.pem),
      dir.write('leaf.pem', leaf.pem),
    ]);
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/invalid CA certificate/);
  });

  it('a CA whose pathLenConstraint is 0 cannot have an intermediate below it', async () => {
    const middle = await createIntermediateCa(crypto, lab.intermediate!, {
      subject: { CN: 'Too Deep CA' },
    });
    const leaf = await issueCertificate(crypto, {
      role: 'device',
      subject: { CN: 'deep' },
      publicKey: deviceKey,
      issuer: middle,
    });
    const v = await verifyChain(crypto, {
      leaf: leaf.certificate,
      intermediates: [middle.certificate, lab.intermediate!.certificate],
      trustAnchors: [lab.root.certificate],
    });
    expect(failures(v)).toEqual([['intermediate', 'path-length-exceeded']]);
    expect(v.failures[0]!.subject).toBe('CN=Chain Lab Device CA,O=Chain Lab');
    expect(v.failures[0]!.detail).toMatch(
      /^path length exceeded: its pathLenConstraint is 0, so at most 0 intermediate CAs may come below it, but the chain has 1: "CN=Too Deep CA"/,
    );
  });

  it('a server certificate used as a device certificate has the wrong extended key usage', async () => {
    const server = await issueCertificate(crypto, {
      role: 'server',
      subject: { CN: 'broker' },
      publicKey: deviceKey,
      issuer: lab.signer,
      subjectAltNames: ['localhost'],
    });
    const input = {
      leaf: server.certificate,
      intermediates: [lab.intermediate!.certificate],
      trustAnchors: [lab.root.certificate],
    };
    const asClient = await verifyChain(crypto, { ...input, purpose: 'client' });
    expect(failures(asClient)).toEqual([['leaf', 'extended-key-usage']]);
    expect(asClient.failures[0]!.detail).toContain(
      'extKeyUsage is serverAuth, but a device that authenticates with mutual TLS (a TLS client) needs clientAuth',
    );
    expect((await verifyChain(crypto, { ...input, purpose: 'server' })).valid).toBe(true);
  });

  it('a device certificate without digitalSignature has the wrong key usage; a CA without keyCertSign too', async () => {
    const leaf = await device({ overrides: { keyUsage: ['keyAgreement'] } });
    const v = await verifyChain(crypto, {
      leaf: leaf.certificate,
      intermediates: [lab.intermediate!.certificate],
      trustAnchors: [lab.root.certificate],
    });
    expect(failures(v)).toEqual([['leaf', 'key-usage']]);

    const caKey = await generateKeyPair(crypto, 'P-256');
    const weakCa = await issueCertificate(crypto, {
      role: 'intermediate-ca',
      subject: { CN: 'Cannot Sign CA' },
      publicKey: caKey,
      issuer: lab.root,
      overrides: { keyUsage: ['digitalSignature'] },
    });
    const under = await issueCertificate(crypto, {
      role: 'device',
      subject: { CN: 'y' },
      publicKey: deviceKey,
      issuer: { certificate: weakCa.certificate, keyPair: caKey },
    });
    const w = await verifyChain(crypto, {
      leaf: under.certificate,
      intermediates: [weakCa.certificate],
      trustAnchors: [lab.root.certificate],
    });
    expect(failures(w)).toEqual([['intermediate', 'key-usage']]);
    expect(w.failures[0]!.detail).toMatch(
      /^key usage unfit for a CA: its keyUsage is digitalSignature, without keyCertSign/,
    );
  });

  it('a self-signed certificate that is not trusted has an unknown issuer; trusted directly, it is valid', async () => {
    const self = await issueCertificate(crypto, {
      role: 'device',
      subject: { CN: 'self-made' },
      publicKey: deviceKey,
    });
    const untrusted = await verifyChain(crypto, {
      leaf: self.certificate,
      trustAnchors: [lab.root.certificate],
    });
    expect(failures(untrusted)).toEqual([['leaf', 'unknown-issuer']]);
    expect(untrusted.failures[0]!.detail).toContain(
      '"CN=self-made" is self-signed and is not one of the trusted CA certificates',
    );

    const trusted = await verifyChain(crypto, {
      leaf: self.certificate,
      trustAnchors: [self.certificate],
    });
    expect(trusted.valid).toBe(true);
    expect(trusted.notes).toEqual(['The certificate is itself one of the trusted certificates.']);
  });
});

describe('chains given out of order', () => {
  let deep: { root: IssuedAuthority; upper: IssuedAuthority; lower: IssuedAuthority };

  beforeAll(async () => {
    const root = await createRootCa(crypto, { subject: { CN: 'Order Root' } });
    const upper = await createIntermediateCa(crypto, root, {
      subject: { CN: 'Order Upper CA' },
      pathLength: 1,
    });
    const lower = await createIntermediateCa(crypto, upper, { subject: { CN: 'Order Lower CA' } });
    deep = { root, upper, lower };
  });

  it('a reversed chain file (root side first) is put in order, with a note', async () => {
    const leaf = await issueCertificate(crypto, {
      role: 'device',
      subject: { CN: 'ordered' },
      publicKey: deviceKey,
      issuer: deep.lower,
    });
    const v = await verifyChain(crypto, {
      leaf: [deep.upper.certificate, deep.lower.certificate, leaf.certificate],
      trustAnchors: [deep.root.certificate],
    });
    expect(v.valid).toBe(true);
    expect(v.path.map((c) => c.subject.text)).toEqual([
      'CN=ordered',
      'CN=Order Lower CA',
      'CN=Order Upper CA',
      'CN=Order Root',
    ]);
    expect(v.notes).toEqual([
      'The certificates were given in the order "CN=Order Upper CA", "CN=Order Lower CA", "CN=ordered"; they were ' +
        'put in order from the leaf up: "CN=ordered", "CN=Order Lower CA", "CN=Order Upper CA". TLS sends them ' +
        'leaf first, each followed by its issuer.',
    ]);
  });

  it('intermediates given top-down are reordered too; a chain in order gets no note', async () => {
    const leaf = await issueCertificate(crypto, {
      role: 'device',
      subject: { CN: 'ordered' },
      publicKey: deviceKey,
      issuer: deep.lower,
    });
    const reversed = await verifyChain(crypto, {
      leaf: leaf.certificate,
      intermediates: [deep.upper.certificate, deep.lower.certificate],
      trustAnchors: [deep.root.certificate],
    });
    expect(reversed.valid).toBe(true);
    expect(reversed.notes[0]).toMatch(
      /^The certificates were given in the order "CN=ordered", "CN=Order Upper CA", "CN=Order Lower CA"/,
    );

    const inOrder = await verifyChain(crypto, {
      leaf: leaf.certificate,
      intermediates: [deep.lower.certificate, deep.upper.certificate],
      trustAnchors: [deep.root.certificate],
    });
    expect(inOrder.notes).toEqual([]);
  });
});

describe('what the CA refuses to issue', () => {
  it('a CA key that is not the key of its certificate', async () => {
    const error = await issueCertificate(crypto, {
      role: 'device',
      subject: { CN: 'z' },
      publicKey: deviceKey,
      issuer: { certificate: lab.root.certificate, keyPair: deviceKey },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PkiError);
    expect((error as PkiError).code).toBe('key-mismatch');
  });

  it('a server certificate without subjectAltName, and notAfter before notBefore', async () => {
    await expect(
      issueCertificate(crypto, {
        role: 'server',
        subject: { CN: 'broker' },
        publicKey: deviceKey,
        issuer: lab.signer,
      }),
    ).rejects.toMatchObject({ code: 'subject-alt-name-invalid' });
    await expect(
      device({ notBefore: new Date('2030-01-01'), notAfter: new Date('2029-01-01') }),
    ).rejects.toMatchObject({
      code: 'validity-invalid',
    });
    await expect(device({ subjectAltNames: ['not a host!'] })).rejects.toMatchObject({
      code: 'subject-alt-name-invalid',
    });
  });
});
