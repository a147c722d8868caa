/**
 * OpenSSL is the reference: every certificate the tools make must pass `openssl x509 -text` and
 * `openssl verify -x509_strict` against its CA, and what the decoder reads must equal what
 * OpenSSL prints. Certificates and keys OpenSSL makes must decode here too.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLabCa,
  createCertificationRequest,
  decodePki,
  exportPkcs12,
  fingerprints,
  generateKeyPair,
  importPrivateKey,
  issueCertificate,
  PkiError,
  signCertificationRequest,
  type Certificate,
  type IssuedCertificate,
  type KeyAlgorithm,
  type LabCa,
  type NameInput,
} from '../../../src/core/pki/index.ts';
import { allFields, extensionsAsOpenssl, opensslView } from './openssl-output.ts';
import { crypto, openssl, opensslOk, requireOpenssl, tempDir, type TempDir } from './support.ts';

const ASCII: NameInput = { C: 'FR', O: 'Handshake Lab', CN: 'sensor-42' };
const UNICODE: NameInput = { C: 'DE', O: 'Müller GmbH', CN: 'Capteur-Señal-温度' };

type LabName = 'rsa' | 'ec' | 'p384';

interface Case {
  name: string;
  lab: LabName;
  make: (lab: LabCa) => Promise<IssuedCertificate>;
  /** 'root' and 'intermediate' cases are the lab's own certificates. */
}

const device = (subject: NameInput, algorithm: KeyAlgorithm) => async (lab: LabCa) =>
  issueCertificate(crypto, {
    role: 'device',
    subject,
    publicKey: await generateKeyPair(crypto, algorithm),
    issuer: lab.signer,
  });

const viaCsr = (subject: NameInput, algorithm: KeyAlgorithm) => async (lab: LabCa) => {
  const keyPair = await generateKeyPair(crypto, algorithm);
  const csr = await createCertificationRequest(crypto, { subject, keyPair });
  return signCertificationRequest(crypto, { csr: csr.pem, issuer: lab.signer });
};

const CASES: Case[] = [
  { name: 'RSA root CA', lab: 'rsa', make: async (lab) => lab.root.issued },
  { name: 'RSA intermediate CA', lab: 'rsa', make: async (lab) => lab.intermediate!.issued },
  { name: 'ECDSA root CA', lab: 'ec', make: async (lab) => lab.root.issued },
  { name: 'ECDSA intermediate CA', lab: 'ec', make: async (lab) => lab.intermediate!.issued },
  { name: 'RSA device, ASCII subject', lab: 'rsa', make: device(ASCII, 'RSA-2048') },
  { name: 'RSA device, Unicode subject', lab: 'rsa', make: device(UNICODE, 'RSA-2048') },
  { name: 'ECDSA device, ASCII subject', lab: 'ec', make: device(ASCII, 'P-256') },
  { name: 'ECDSA device, Unicode subject', lab: 'ec', make: device(UNICODE, 'P-256') },
  { name: 'P-256 device under the RSA CA', lab: 'rsa', make: device(UNICODE, 'P-256') },
  { name: 'RSA device under the ECDSA CA', lab: 'ec', make: device(ASCII, 'RSA-2048') },
  { name: 'RSA-3072 device', lab: 'rsa', make: device(ASCII, 'RSA-3072') },
  { name: 'RSA-4096 device', lab: 'ec', make: device(ASCII, 'RSA-4096') },
  { name: 'P-384 device under a P-384 CA', lab: 'p384', make: device(UNICODE, 'P-384') },
  { name: 'P-256 device from a CSR, RSA CA', lab: 'rsa', make: viaCsr(UNICODE, 'P-256') },
  { name: 'RSA device from a CSR, RSA CA', lab: 'rsa', make: viaCsr(UNICODE, 'RSA-2048') },
  { name: 'RSA device from a CSR, ECDSA CA', lab: 'ec', make: viaCsr(ASCII, 'RSA-2048') },
  {
    name: 'ECDSA server with DNS and IP names',
    lab: 'ec',
    make: async (lab) =>
      issueCertificate(crypto, {
        role: 'server',
        subject: { CN: 'broker.lab' },
        publicKey: await generateKeyPair(crypto, 'P-256'),
        issuer: lab.signer,
        subjectAltNames: ['localhost', 'broker.lab', '127.0.0.1', '::1'],
      }),
  },
  {
    name: 'RSA server with DNS and IP names',
    lab: 'rsa',
    make: async (lab) =>
      issueCertificate(crypto, {
        role: 'server',
        subject: { CN: 'broker.lab' },
        publicKey: await generateKeyPair(crypto, 'RSA-2048'),
        issuer: lab.signer,
        subjectAltNames: ['DNS:localhost', 'IP:127.0.0.1'],
      }),
  },
  {
    name: 'RSA device valid past 2050 (GeneralizedTime)',
    lab: 'rsa',
    make: async (lab) =>
      issueCertificate(crypto, {
        role: 'device',
        subject: ASCII,
        publicKey: await generateKeyPair(crypto, 'RSA-2048'),
        issuer: lab.signer,
        notAfter: new Date('2051-06-30T12:00:00Z'),
      }),
  },
  {
    name: 'ECDSA device valid past 2050 (GeneralizedTime)',
    lab: 'ec',
    make: async (lab) =>
      issueCertificate(crypto, {
        role: 'device',
        subject: ASCII,
        publicKey: await generateKeyPair(crypto, 'P-256'),
        issuer: lab.signer,
        notAfter: new Date('2050-01-01T00:00:00Z'),
      }),
  },
];

let dir: TempDir;
const labs = new Map<LabName, LabCa>();
const made = new Map<
  string,
  { issued: IssuedCertificate; file: string; caFile: string; chainFile: string }
>();

beforeAll(async () => {
  requireOpenssl();
  dir = tempDir();
  labs.set(
    'rsa',
    await createLabCa(crypto, {
      algorithm: 'RSA-2048',
      intermediate: true,
      organization: 'RSA Lab',
    }),
  );
  labs.set(
    'ec',
    await createLabCa(crypto, { algorithm: 'P-256', intermediate: true, organization: 'EC Lab' }),
  );
  labs.set('p384', await createLabCa(crypto, { algorithm: 'P-384', organization: 'P-384 Lab' }));

  await Promise.all(
    CASES.map(async (c, i) => {
      const lab = labs.get(c.lab)!;
      const issued = await c.make(lab);
      made.set(c.name, {
        issued,
        file: dir.write(`case-${i}.pem`, issued.pem),
        caFile: dir.write(`case-${i}-ca.pem`, lab.root.issued.pem),
        chainFile: dir.write(
          `case-${i}-chain.pem`,
          lab.intermediate?.issued.pem ?? lab.root.issued.pem,
        ),
      });
    }),
  );
}, 60_000);

afterAll(() => dir?.remove());

describe('certificates made here, checked by OpenSSL', () => {
  it.each(CASES.map((c) => c.name))(
    '%s: openssl x509 -text reads it and openssl verify accepts it',
    (name) => {
      const { file, caFile, chainFile } = made.get(name)!;
      expect(opensslOk(['x509', '-in', file, '-text', '-noout'])).toContain('Certificate:');
      const verify = opensslOk([
        'verify',
        '-x509_strict',
        '-CAfile',
        caFile,
        '-untrusted',
        chainFile,
        file,
      ]);
      expect(verify.trim()).toBe(`${file}: OK`);
    },
  );

  it.each(CASES.map((c) => c.name))('%s: the decoder reads what OpenSSL prints', async (name) => {
    const { issued, file } = made.get(name)!;
    const ours = issued.certificate;
    const theirs = opensslView(file);
    const prints = await fingerprints(crypto, issued.der);

    expect(ours.subject.text).toBe(theirs.subject);
    expect(ours.issuer.text).toBe(theirs.issuer);
    expect(ours.serialNumber.toUpperCase()).toBe(theirs.serial);
    expect(ours.validity.notBefore).toEqual(theirs.notBefore);
    expect(ours.validity.notAfter).toEqual(theirs.notAfter);
    expect(prints.sha256).toBe(theirs.sha256);
    expect(prints.sha1).toBe(theirs.sha1);
    expect(prints.certificateId).toBe(theirs.sha256.replace(/:/g, '').toLowerCase());
    expect(ours.signatureAlgorithm.name).toBe(theirs.signatureAlgorithm);
    expect(ours.publicKey.description).toBe(
      theirs.publicKey.startsWith('P-') ? `EC ${theirs.publicKey}` : theirs.publicKey,
    );
    expect(extensionsAsOpenssl(ours)).toEqual(theirs.extensions);
  });

  it.each(CASES.map((c) => c.name))(
    '%s: every field offset and length matches openssl asn1parse',
    (name) => {
      const { issued, file } = made.get(name)!;
      const { elements } = opensslView(file);
      // asn1parse does not look inside OCTET STRINGs and BIT STRINGs, so nodes in there are skipped.
      const shared = allFields(issued.certificate.fields).filter((f) => elements.has(f.offset));
      expect(shared.length).toBeGreaterThan(30);
      for (const field of shared)
        expect([field.name, field.length]).toEqual([field.name, elements.get(field.offset)]);
    },
  );
});

describe('names and dates as RFC 5280 asks', () => {
  it('text PrintableString cannot hold is a UTF8String; country and ASCII text stay PrintableString', () => {
    const unicode = opensslView(made.get('ECDSA device, Unicode subject')!.file).subjectTypes;
    expect(Object.fromEntries(unicode)).toEqual({
      countryName: 'PRINTABLESTRING',
      organizationName: 'UTF8STRING',
      commonName: 'UTF8STRING',
    });
    const rsaUnicode = opensslView(made.get('RSA device, Unicode subject')!.file).subjectTypes;
    expect(Object.fromEntries(rsaUnicode)).toEqual(Object.fromEntries(unicode));
    const ascii = opensslView(made.get('RSA device, ASCII subject')!.file).subjectTypes;
    expect([...ascii.values()]).toEqual(['PRINTABLESTRING', 'PRINTABLESTRING', 'PRINTABLESTRING']);

    const decoded = made.get('RSA device, Unicode subject')!.issued.certificate.subject.rdns.flat();
    expect(decoded.map((a) => [a.short, a.value, a.stringType])).toEqual([
      ['C', 'DE', 'PrintableString'],
      ['O', 'Müller GmbH', 'UTF8String'],
      ['CN', 'Capteur-Señal-温度', 'UTF8String'],
    ]);
  });

  it('dates from 2050 on are GeneralizedTime, earlier ones UTCTime, in both encoders', () => {
    for (const name of [
      'RSA device valid past 2050 (GeneralizedTime)',
      'ECDSA device valid past 2050 (GeneralizedTime)',
    ]) {
      const { issued, file } = made.get(name)!;
      expect(issued.certificate.validity.notBeforeType).toBe('UTCTime');
      expect(issued.certificate.validity.notAfterType).toBe('GeneralizedTime');
      expect(opensslOk(['asn1parse', '-in', file])).toMatch(
        /GENERALIZEDTIME\s+:(20510630120000Z|20500101000000Z)/,
      );
    }
    expect(made.get('RSA device valid past 2050 (GeneralizedTime)')!.issued.encoder).toBe(
      'node-forge',
    );
    expect(made.get('ECDSA device valid past 2050 (GeneralizedTime)')!.issued.encoder).toBe(
      '@peculiar/x509',
    );
  });

  it('RSA over RSA is written by node-forge; anything with an EC key by @peculiar/x509', () => {
    expect(made.get('RSA device, Unicode subject')!.issued.encoder).toBe('node-forge');
    expect(made.get('RSA root CA')!.issued.encoder).toBe('node-forge');
    expect(made.get('ECDSA device, Unicode subject')!.issued.encoder).toBe('@peculiar/x509');
    expect(made.get('P-256 device under the RSA CA')!.issued.encoder).toBe('@peculiar/x509');
    expect(made.get('RSA device under the ECDSA CA')!.issued.encoder).toBe('@peculiar/x509');
  });
});

describe('what OpenSSL makes, decoded here', () => {
  let files: Record<string, string>;

  beforeAll(() => {
    const at = (name: string) => `${dir.path}/${name}`;
    files = {
      rsaKey: at('openssl-rsa.key'),
      rsaCert: at('openssl-rsa.crt'),
      rsaDer: at('openssl-rsa.der'),
      ecKey: at('openssl-ec.key'),
      ecPub: at('openssl-ec.pub.der'),
      ecEncrypted: at('openssl-ec-encrypted.key'),
      ecCsr: at('openssl-ec.csr'),
    };
    opensslOk([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      files.rsaKey!,
      '-out',
      files.rsaCert!,
      '-days',
      '30',
      '-utf8',
      '-subj',
      '/C=DE/O=Müller GmbH/CN=Capteur-Señal-温度',
    ]);
    opensslOk(['x509', '-in', files.rsaCert!, '-outform', 'DER', '-out', files.rsaDer!]);
    opensslOk(['ecparam', '-genkey', '-name', 'prime256v1', '-out', files.ecKey!]);
    opensslOk(['ec', '-in', files.ecKey!, '-pubout', '-outform', 'DER', '-out', files.ecPub!]);
    opensslOk([
      'pkcs8',
      '-topk8',
      '-v2',
      'aes-256-cbc',
      '-in',
      files.ecKey!,
      '-out',
      files.ecEncrypted!,
      '-passout',
      'pass:correct horse',
    ]);
    opensslOk([
      'req',
      '-new',
      '-key',
      files.ecKey!,
      '-subj',
      '/CN=thing-from-openssl',
      '-out',
      files.ecCsr!,
    ]);
  });

  const read = (name: string) => new Uint8Array(readFileSync(files[name]!));

  it('a self-signed certificate from openssl req -x509 reads as OpenSSL prints it, PEM and DER alike', async () => {
    const theirs = opensslView(files.rsaCert!);
    for (const input of [read('rsaCert'), read('rsaDer')]) {
      const { blocks } = await decodePki(input);
      const cert = onlyCertificate(blocks);
      expect(cert.subject.text).toBe('CN=Capteur-Señal-温度,O=Müller GmbH,C=DE');
      expect(cert.subject.text).toBe(theirs.subject);
      expect(cert.issuer.text).toBe(theirs.issuer);
      expect(cert.serialNumber.toUpperCase()).toBe(theirs.serial);
      expect([cert.validity.notBefore, cert.validity.notAfter]).toEqual([
        theirs.notBefore,
        theirs.notAfter,
      ]);
      expect((await fingerprints(crypto, cert.der)).sha256).toBe(theirs.sha256);
      expect(extensionsAsOpenssl(cert)).toEqual(theirs.extensions);
      expect(cert.publicKey.description).toBe('RSA 2048-bit');
      expect(cert.selfIssued).toBe(true);
    }
  });

  it('its PKCS #8 key reads as RSA 2048-bit and loads as the key of that certificate', async () => {
    const { blocks } = await decodePki(read('rsaKey'));
    expect(
      blocks.map((b) =>
        b.status === 'decoded' && b.object.kind === 'private-key'
          ? [b.object.format, b.object.description]
          : b.status,
      ),
    ).toEqual([['pkcs8', 'RSA 2048-bit']]);
    const keyPair = await importPrivateKey(crypto, read('rsaKey'));
    const cert = onlyCertificate((await decodePki(read('rsaCert'))).blocks);
    expect(keyPair.spki).toEqual(cert.publicKey.spki);
  });

  it('openssl ecparam -genkey output is two objects: the P-256 parameters and a SEC1 key', async () => {
    const { blocks } = await decodePki(read('ecKey'));
    const kinds = blocks.map((b) => (b.status === 'decoded' ? b.object : undefined));
    expect(kinds.map((k) => k?.kind)).toEqual(['ec-parameters', 'private-key']);
    expect(kinds[0]?.kind === 'ec-parameters' && kinds[0].curve).toBe('P-256');
    expect(kinds[1]?.kind === 'private-key' && [kinds[1].format, kinds[1].description]).toEqual([
      'sec1',
      'EC P-256',
    ]);

    const keyPair = await importPrivateKey(crypto, read('ecKey'));
    expect(keyPair.algorithm).toBe('P-256');
    expect(keyPair.spki).toEqual(new Uint8Array(read('ecPub')));
  });

  it('an encrypted PKCS #8 key (openssl pkcs8 -topk8 -v2 aes-256-cbc) opens with its password only', async () => {
    const locked = await decodePki(read('ecEncrypted'));
    const key = locked.blocks[0]?.status === 'decoded' ? locked.blocks[0].object : undefined;
    expect(key?.kind).toBe('encrypted-private-key');
    if (key?.kind !== 'encrypted-private-key') return;
    expect(key.encryption).toBe('PBES2: PBKDF2 with hmacWithSHA256, 2048 iterations; aes256-CBC');
    expect(key.decrypted).toBeUndefined();
    expect(key.notes).toEqual(['The key is encrypted; give its password to see the key inside.']);

    const opened = await decodePki(read('ecEncrypted'), { password: 'correct horse' });
    const inside =
      opened.blocks[0]?.status === 'decoded' &&
      opened.blocks[0].object.kind === 'encrypted-private-key'
        ? opened.blocks[0].object.decrypted
        : undefined;
    expect([inside?.format, inside?.description]).toEqual(['pkcs8', 'EC P-256']);

    const keyPair = await importPrivateKey(crypto, read('ecEncrypted'), {
      password: 'correct horse',
    });
    expect(keyPair.spki).toEqual(new Uint8Array(read('ecPub')));
    await expect(
      importPrivateKey(crypto, read('ecEncrypted'), { password: 'wrong' }),
    ).rejects.toMatchObject({
      code: 'wrong-password',
    });
  });

  it('a CSR made by openssl req is signed by the lab CA, and openssl verifies the result', async () => {
    const lab = labs.get('ec')!;
    const issued = await signCertificationRequest(crypto, {
      csr: read('ecCsr'),
      issuer: lab.signer,
    });
    expect(issued.certificate.subject.text).toBe('CN=thing-from-openssl');
    expect(issued.certificate.publicKey.spki).toEqual(new Uint8Array(read('ecPub')));
    const file = dir.write('from-openssl-csr.pem', issued.pem);
    const ca = dir.write('ec-root.pem', lab.root.issued.pem);
    const chain = dir.write('ec-intermediate.pem', lab.intermediate!.issued.pem);
    expect(
      opensslOk(['verify', '-x509_strict', '-CAfile', ca, '-untrusted', chain, file]).trim(),
    ).toBe(`${file}: OK`);
  });
});

describe('CSRs and PKCS #12, checked by OpenSSL', () => {
  it.each(['RSA-2048', 'P-256'] as const)(
    'a %s CSR passes openssl req -verify with its subject and requested names',
    async (algorithm) => {
      const keyPair = await generateKeyPair(crypto, algorithm);
      const csr = await createCertificationRequest(crypto, {
        subject: UNICODE,
        keyPair,
        subjectAltNames: ['thing-7.local'],
      });
      const file = dir.write(`request-${algorithm}.csr`, csr.pem);
      const run = openssl([
        'req',
        '-in',
        file,
        '-noout',
        '-verify',
        '-subject',
        '-nameopt',
        'RFC2253,-esc_msb',
      ]);
      expect(run.status).toBe(0);
      expect(run.stdout + run.stderr).toContain('verify OK');
      expect(run.stdout).toContain('subject=CN=Capteur-Señal-温度,O=Müller GmbH,C=DE');
      expect(opensslOk(['req', '-in', file, '-noout', '-text'])).toContain('DNS:thing-7.local');
      expect(csr.request.requestedExtensions.subjectAltName).toEqual([
        { type: 'dns', value: 'thing-7.local' },
      ]);
    },
  );

  it('a PKCS #12 file opens in openssl with its password, holding the key and both certificates', async () => {
    const lab = labs.get('rsa')!;
    const keyPair = await generateKeyPair(crypto, 'RSA-2048');
    const issued = await issueCertificate(crypto, {
      role: 'device',
      subject: ASCII,
      publicKey: keyPair,
      issuer: lab.signer,
    });
    const p12 = await exportPkcs12({
      keyPair,
      certificates: [issued.der, lab.intermediate!.issued.der],
      password: 'p12 secret',
      friendlyName: 'sensor-42',
    });
    const file = dir.write('device.p12', p12);

    const info = openssl(['pkcs12', '-in', file, '-passin', 'pass:p12 secret', '-info', '-noout']);
    expect(info.status).toBe(0);
    expect(info.stderr).toContain('Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC');
    const certs = opensslOk(['pkcs12', '-in', file, '-passin', 'pass:p12 secret', '-nokeys']);
    expect(certs.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(certs).toContain('friendlyName: sensor-42');
    const keyFile = dir.write(
      'from-p12.key',
      opensslOk(['pkcs12', '-in', file, '-passin', 'pass:p12 secret', '-nocerts', '-nodes']),
    );
    expect((await importPrivateKey(crypto, readFileSync(keyFile, 'utf8'))).spki).toEqual(
      keyPair.spki,
    );
    expect(
      openssl(['pkcs12', '-in', file, '-passin', 'pass:wrong', '-info', '-noout']).status,
    ).not.toBe(0);
  });

  it('PKCS #12 for an EC key is refused with a reason: node-forge has no EC support', async () => {
    const lab = labs.get('ec')!;
    const keyPair = await generateKeyPair(crypto, 'P-256');
    const issued = await issueCertificate(crypto, {
      role: 'device',
      subject: ASCII,
      publicKey: keyPair,
      issuer: lab.signer,
    });
    const error = await exportPkcs12({ keyPair, certificates: [issued.der], password: 'x' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PkiError);
    expect((error as PkiError).code).toBe('pkcs12-needs-rsa');
    expect((error as PkiError).message).toMatch(
      /^PKCS #12 export works for RSA keys only: node-forge, which writes it here, has no elliptic-curve support, and this key is P-256\./,
    );
  });
});

function onlyCertificate(blocks: Awaited<ReturnType<typeof decodePki>>['blocks']): Certificate {
  expect(blocks).toHaveLength(1);
  const block = blocks[0]!;
  if (block.status !== 'decoded' || block.object.kind !== 'certificate')
    throw new Error('expected one certificate');
  return block.object;
}
