import { createHash, createHmac, createPublicKey, verify } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRootCa, generateKeyPair, privateKeyPem } from '../../../src/core/pki/index.ts';
import {
  buildBrokenSetup,
  registerBrokenSetup,
} from '../../../src/core/tls/broken-setup-builder.ts';
import {
  signCertificateVerify,
  signedContent,
  verifyCertificateVerify,
} from '../../../src/core/tls/certificate-verify.ts';
import { emulateHandshake } from '../../../src/core/tls/emulated-handshake.ts';
import { HandshakeInputError } from '../../../src/core/tls/handshake-input.ts';
import { hmacSha256 } from '../../../src/core/tls/hmac.ts';
import { emulateLabHandshake } from '../../../src/core/tls/lab-handshake.ts';
import { encodeMessage, Transcript } from '../../../src/core/tls/transcript.ts';
import { crypto, memoryLab } from './support.ts';

let lab: Awaited<ReturnType<typeof memoryLab>>;
let working: Awaited<ReturnType<typeof buildBrokenSetup>>;
beforeAll(async () => {
  lab = await memoryLab();
  working = await buildBrokenSetup(crypto, 'working', { ca: lab.ca });
  await registerBrokenSetup(lab.registry, working);
});

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('CertificateVerify', () => {
  it('signs 64 spaces, the context string, a zero byte and the transcript hash', () => {
    const hash = new Uint8Array(32).fill(0xab);
    const content = signedContent('client', hash);

    expect(content.length).toBe(64 + 33 + 1 + 32);
    expect([...content.subarray(0, 64)].every((b) => b === 0x20)).toBe(true);
    expect(Buffer.from(content.subarray(64, 97)).toString()).toBe(
      'TLS 1.3, client CertificateVerify',
    );
    expect(content[97]).toBe(0);
    expect(hex(content.subarray(98))).toBe('ab'.repeat(32));
  });

  it("the broker's signature in a report verifies with OpenSSL over the previous step's hash", async () => {
    const report = await emulateLabHandshake(crypto, lab, working);
    const index = report.steps.findIndex(
      (s) => s.message === 'CertificateVerify' && s.from === 'server',
    );
    const before = Buffer.from(report.steps[index - 1]!.transcriptHash!, 'hex');
    const signature = Buffer.from(report.steps[index]!.carries[1]!.value, 'hex');
    const key = createPublicKey(lab.server.pem);

    const content = signedContent('server', before);
    expect(verify('sha256', content, { key, dsaEncoding: 'der' }, signature)).toBe(true);
    // One byte of the transcript changed, and the same signature no longer verifies.
    before[0]! ^= 0x01;
    expect(
      verify('sha256', signedContent('server', before), { key, dsaEncoding: 'der' }, signature),
    ).toBe(false);
  });

  it('a signature over a tampered transcript hash, or by another key, does not verify', async () => {
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array([1, 2, 3])));
    const { certificate, keyPair } = working.device!;
    const signed = await signCertificateVerify(crypto, 'client', keyPair, hash);
    expect(
      await verifyCertificateVerify(crypto, 'client', signed, certificate, hash),
    ).toMatchObject({ valid: true });

    const tampered = hash.slice();
    tampered[31]! ^= 0x80;
    expect(
      await verifyCertificateVerify(crypto, 'client', signed, certificate, tampered),
    ).toMatchObject({ valid: false });
    // Signed as the server: the context string differs, so it does not verify as the client's.
    const asServer = await signCertificateVerify(crypto, 'server', keyPair, hash);
    expect(
      await verifyCertificateVerify(crypto, 'client', asServer, certificate, hash),
    ).toMatchObject({ valid: false });

    const other = await signCertificateVerify(
      crypto,
      'client',
      await generateKeyPair(crypto, 'P-256'),
      hash,
    );
    expect(await verifyCertificateVerify(crypto, 'client', other, certificate, hash)).toEqual({
      valid: false,
      reason:
        "the signature does not verify with the certificate's public key: the private key that signed is not the certificate's",
    });
  });

  it('another key gives decrypt_error from the broker, after the device certificate passed', async () => {
    const other = await generateKeyPair(crypto, 'P-256');
    const report = await emulateLabHandshake(crypto, lab, {
      ...working,
      privateKeyPem: privateKeyPem(other),
    });

    expect(report.alert).toEqual({ by: 'server', name: 'decrypt_error', code: 51 });
    expect(report.failure?.code).toBe('key-mismatch');
    const clientCertificate = report.steps.find(
      (s) => s.message === 'Certificate' && s.from === 'client',
    )!;
    expect(clientCertificate.checks.every((c) => c.passed)).toBe(true);
    const verifyStep = report.steps.at(-2)!;
    expect(verifyStep).toMatchObject({ message: 'CertificateVerify', from: 'client' });
    expect(verifyStep.checks[0]).toMatchObject({ by: 'server', passed: false });
  });
});

describe('the transcript', () => {
  it('encodes a message as type, 3-byte length, then label and value fields', () => {
    const bytes = encodeMessage('Finished', [['verify_data', new Uint8Array([0xaa, 0xbb])]]);
    expect(hex(bytes)).toBe(
      '14' + '000011' + '0b' + Buffer.from('verify_data').toString('hex') + '000002' + 'aabb',
    );
  });

  it('hashes the concatenated messages with SHA-256, as a learner can check', async () => {
    const transcript = new Transcript(crypto);
    await transcript.add('ClientHello', [['random', new Uint8Array(32)]]);
    const hash = await transcript.add('ServerHello', [['cipher_suite', 'TLS_AES_128_GCM_SHA256']]);
    expect(hex(hash)).toBe(createHash('sha256').update(transcript.bytes()).digest('hex'));
  });

  it('changes with every message of a handshake', async () => {
    const report = await emulateLabHandshake(crypto, lab, working);
    const hashes = report.steps
      .filter((s) => s.message !== 'Registry lookup')
      .map((s) => s.transcriptHash);

    expect(hashes).toHaveLength(10);
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h!))).toBe(true);
    expect(new Set(hashes).size).toBe(10);
    // Two runs differ: each has its own randoms and key shares.
    const again = await emulateLabHandshake(crypto, lab, working);
    expect(again.steps[0]!.transcriptHash).not.toBe(hashes[0]);
  });
});

describe('the model says what it is', () => {
  it('labels itself and keeps the alert as the last step', async () => {
    const report = await emulateLabHandshake(crypto, lab, {
      ...working,
      serverName: 'broker.example.com',
    });

    expect(report.notes?.[0]).toMatch(/model of TLS 1\.3.*no record layer/);
    expect(report.steps[0]!.summary).toMatch(/A model/);
    expect(report.steps.map((s) => s.message).slice(-2)).toEqual(['Certificate', 'Alert']);
    expect(report.failure).toEqual({
      code: 'server-name-mismatch',
      message:
        'The device dialled "broker.example.com", and the broker\'s certificate names DNS:localhost, IP:127.0.0.1.',
    });
  });

  it('a device that trusts another CA for the broker stops at its Certificate with unknown_ca', async () => {
    const other = await createRootCa(crypto, { subject: { CN: 'Some Other Root' } });
    const report = await emulateLabHandshake(crypto, lab, { ...working, caPem: other.issued.pem });

    expect(report.alert).toEqual({ by: 'client', name: 'unknown_ca', code: 48 });
    expect(report.failure?.code).toBe('server-untrusted');
    expect(report.steps.map((s) => `${s.from}:${s.message}`).slice(-2)).toEqual([
      'server:Certificate',
      'client:Alert',
    ]);
  });

  it('a key the device cannot load is an input error, not a report', async () => {
    await expect(
      emulateHandshake(crypto, {
        client: {
          certificates: working.certificatePem,
          privateKey: 'not a key',
          serverName: 'localhost',
          trustAnchors: [],
        },
        server: {
          certificates: lab.server.certificates,
          privateKey: lab.server.keyPair,
          trustAnchors: [],
          lookup: async () => null,
        },
      }),
    ).rejects.toBeInstanceOf(HandshakeInputError);
  });
});

describe('HMAC-SHA-256 on the digest port', () => {
  it.each([
    ['short key', Buffer.from('key'), Buffer.from('The quick brown fox jumps over the lazy dog')],
    ['64-byte key', Buffer.alloc(64, 7), Buffer.from('message')],
    ['long key', Buffer.alloc(100, 9), Buffer.alloc(0)],
  ])('matches Node for a %s', async (_name, key, message) => {
    const ours = await hmacSha256(crypto, new Uint8Array(key), new Uint8Array(message));
    expect(hex(ours)).toBe(createHmac('sha256', key).update(message).digest('hex'));
  });
});
