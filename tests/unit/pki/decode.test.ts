import { beforeAll, describe, expect, it } from 'vitest';
import {
  createCertificationRequest,
  createLabCa,
  decodePki,
  decodeSync,
  encodePem,
  findField,
  generateKeyPair,
  issueCertificate,
  KEY_ALGORITHMS,
  privateKeyPem,
  publicKeyPem,
  signCertificationRequest,
  toHex,
  type DecodedField,
  type DecodedObject,
  type IssuedCertificate,
  type KeyPair,
  type LabCa,
} from '../../../src/core/pki/index.ts';
import { allFields } from './openssl-output.ts';
import { crypto } from './support.ts';

let lab: LabCa;
let keyPair: KeyPair;
let issued: IssuedCertificate;

beforeAll(async () => {
  lab = await createLabCa(crypto, { algorithm: 'P-256' });
  keyPair = await generateKeyPair(crypto, 'P-256');
  issued = await issueCertificate(crypto, {
    role: 'device',
    subject: { CN: 'Capteur-Señal-温度', O: 'Müller GmbH', C: 'DE' },
    publicKey: keyPair,
    issuer: lab.signer,
  });
});

function only(input: string | Uint8Array): DecodedObject {
  const { blocks } = decodeSync(input);
  expect(blocks).toHaveLength(1);
  if (blocks[0]!.status !== 'decoded') throw new Error(blocks[0]!.problem.message);
  return blocks[0]!.object;
}

describe('the field tree', () => {
  it('every field points at its own bytes: a tag at its offset, and a length that ends inside its parent', () => {
    const der = issued.der;
    const check = (node: DecodedField, parent?: DecodedField) => {
      expect(node.offset + node.length).toBeLessThanOrEqual(der.length);
      if (parent) {
        expect(node.offset).toBeGreaterThanOrEqual(parent.offset);
        expect(node.offset + node.length).toBeLessThanOrEqual(parent.offset + parent.length);
      }
      expect(node.meaning.length).toBeGreaterThan(10);
      for (const child of node.children ?? []) check(child, node);
    };
    check(issued.certificate.fields);
    expect(issued.certificate.fields).toMatchObject({
      name: 'Certificate',
      type: 'SEQUENCE',
      offset: 0,
      length: der.length,
    });
  });

  it('fields carry RFC 5280 names, values and one-sentence meanings', () => {
    const fields = issued.certificate.fields;
    expect(allFields(fields).map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'tbsCertificate',
        'version',
        'serialNumber',
        'signature',
        'issuer',
        'validity',
        'notBefore',
        'notAfter',
        'subject',
        'subjectPublicKeyInfo',
        'extensions',
        'basicConstraints',
        'keyUsage',
        'extKeyUsage',
        'subjectKeyIdentifier',
        'authorityKeyIdentifier',
        'signatureAlgorithm',
        'signatureValue',
      ]),
    );
    expect(findField(fields, 'version')).toMatchObject({ value: 'v3 (2)', type: '[0]' });
    expect(findField(fields, 'subject')?.value).toBe('CN=Capteur-Señal-温度,O=Müller GmbH,C=DE');
    expect(findField(findField(fields, 'subject')!, 'commonName')).toMatchObject({
      value: 'Capteur-Señal-温度 (UTF8String)',
    });
    expect(findField(findField(fields, 'issuer')!, 'commonName')).toMatchObject({
      value: 'Handshake Lab Root CA (PrintableString)',
    });
    // cA FALSE is the DEFAULT, so DER leaves it out: the device's BasicConstraints is an empty SEQUENCE.
    expect(findField(fields, 'BasicConstraints')).toMatchObject({ value: 'CA:FALSE', length: 2 });
    expect(findField(fields, 'cA')).toBeUndefined();
    expect(findField(lab.root.certificate.fields, 'cA')).toMatchObject({
      value: 'true',
      meaning: 'TRUE when this certificate belongs to a CA that may sign certificates.',
    });
    expect(findField(fields, 'KeyPurposeId')?.value).toBe('clientAuth (1.3.6.1.5.5.7.3.2)');
    expect(findField(fields, 'namedCurve')?.value).toBe('prime256v1 (1.2.840.10045.3.1.7)');
    expect(findField(fields, 'signatureValue')?.meaning).toBe(
      'The issuer’s signature over the DER bytes of tbsCertificate.',
    );
  });

  it('the subject’s bytes at the offset the tree gives are the DER of the subject name', () => {
    const subject = findField(issued.certificate.fields, 'subject')!;
    expect(issued.der.subarray(subject.offset, subject.offset + subject.length)).toEqual(
      issued.certificate.subject.der,
    );
  });
});

describe('every kind of object, as PEM and as DER', () => {
  it.each(KEY_ALGORITHMS)(
    'a %s key pair exports PKCS #8 and SPKI PEM that read back as that key',
    async (algorithm) => {
      const pair = algorithm === 'P-256' ? keyPair : await generateKeyPair(crypto, algorithm);
      const description = algorithm.startsWith('RSA')
        ? `RSA ${algorithm.slice(4)}-bit`
        : `EC ${algorithm}`;
      const privateKey = only(privateKeyPem(pair));
      const publicKey = only(publicKeyPem(pair));
      expect(privateKeyPem(pair)).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      expect(publicKeyPem(pair)).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
      expect(
        privateKey.kind === 'private-key' && [privateKey.format, privateKey.description],
      ).toEqual(['pkcs8', description]);
      expect(publicKey.kind === 'public-key' && [publicKey.format, publicKey.description]).toEqual([
        'spki',
        description,
      ]);
    },
    20_000,
  );

  it('DER input is recognised by its shape: certificate, CSR, public key, private key', async () => {
    const csr = await createCertificationRequest(crypto, { subject: { CN: 'csr-shape' }, keyPair });
    expect(only(issued.der).kind).toBe('certificate');
    expect(only(csr.der).kind).toBe('certification-request');
    expect(only(keyPair.spki).kind).toBe('public-key');
    expect(only(keyPair.pkcs8).kind).toBe('private-key');
  });

  it('secret numbers are shown by size only, never by value', () => {
    const key = only(privateKeyPem(keyPair));
    const secret = allFields(key.fields).find(
      (f) => f.name === 'privateKey' && f.type === 'OCTET STRING' && f.value,
    );
    expect(secret?.value).toBe('secret, 32 bytes: not shown');
    const secretHex = toHex(
      keyPair.pkcs8.subarray(secret!.offset + 2, secret!.offset + secret!.length),
    );
    expect(JSON.stringify(key.fields)).not.toContain(secretHex);
  });

  it('a label it does not read is rejected at the boundary stage, and the other blocks still decode', async () => {
    const input = `${encodePem('X509 CRL', new Uint8Array([0x30, 0]))}${issued.pem}`;
    const { blocks } = await decodePki(input);
    expect(blocks.map((b) => b.status)).toEqual(['rejected', 'decoded']);
    expect(
      blocks[0]!.status === 'rejected' && [blocks[0]!.problem.stage, blocks[0]!.problem.code],
    ).toEqual(['boundary', 'unknown-label']);
  });

  it('DER with bytes after the certificate is rejected at the DER length stage', () => {
    const { blocks } = decodeSync(new Uint8Array([...issued.der, 0, 0]));
    expect(blocks[0]!.status === 'rejected' && blocks[0]!.problem.code).toBe('trailing-bytes');
    expect(blocks[0]!.status === 'rejected' && blocks[0]!.problem.stage).toBe('der-length');
  });
});

describe('CSRs', () => {
  it('the CA signs a CSR only after checking its signature', async () => {
    const csr = await createCertificationRequest(crypto, { subject: { CN: 'honest' }, keyPair });
    const issuedFromCsr = await signCertificationRequest(crypto, {
      csr: csr.der,
      issuer: lab.signer,
    });
    expect(issuedFromCsr.certificate.subject.text).toBe('CN=honest');
    expect(issuedFromCsr.certificate.extensions.extKeyUsage).toEqual(['clientAuth']);

    // Change one letter of the subject: the signature no longer matches the signed bytes.
    const tampered = new Uint8Array(csr.der);
    const at = toHex(tampered).indexOf(toHex(new TextEncoder().encode('honest'))) / 2;
    tampered[at] = 'H'.charCodeAt(0);
    expect(only(tampered).kind === 'certification-request' && only(tampered)).toMatchObject({
      subject: { text: 'CN=Honest' },
    });
    await expect(
      signCertificationRequest(crypto, { csr: tampered, issuer: lab.signer }),
    ).rejects.toMatchObject({
      code: 'csr-signature-invalid',
      message:
        "The CSR's signature does not verify: its signature does not verify with the public key in the CSR. " +
        'The CSR was changed after it was signed, or signed with another key. Make a new CSR with the device’s own key.',
    });
  });

  it('a server CSR’s requested subjectAltName is carried into the certificate', async () => {
    const csr = await createCertificationRequest(crypto, {
      subject: { CN: 'broker' },
      keyPair,
      subjectAltNames: ['localhost', '127.0.0.1'],
    });
    const cert = await signCertificationRequest(crypto, {
      csr: csr.pem,
      issuer: lab.signer,
      role: 'server',
    });
    expect(cert.certificate.extensions.subjectAltName).toEqual([
      { type: 'dns', value: 'localhost' },
      { type: 'ip', value: '127.0.0.1' },
    ]);
    expect(cert.certificate.extensions.extKeyUsage).toEqual(['serverAuth']);
  });
});
