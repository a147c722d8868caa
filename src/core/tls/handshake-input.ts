/**
 * Reading what a learner gives the in-page handshake: a certificate chain file (one or more
 * CERTIFICATE blocks, leaf first) and a private key. Input that cannot be read never reaches a
 * broker with real tools either (mosquitto and OpenSSL stop before connecting), so it is an
 * error here, not a handshake report.
 */
import type { Certificate } from '../pki/certificate.ts';
import type { CryptoPort } from '../pki/crypto-port.ts';
import { keyPairFromPkcs8, type KeyPair } from '../pki/key-pair.ts';
import { certificatesFromPem, privateKeyFromPem } from './pem-input.ts';

export const HANDSHAKE_INPUT_ERRORS = [
  'certificate-unreadable',
  'private-key-unreadable',
  'private-key-missing',
] as const;
export type HandshakeInputErrorCode = (typeof HANDSHAKE_INPUT_ERRORS)[number];

/** Something the device could not even load, so no handshake was attempted. */
export class HandshakeInputError extends Error {
  override name = 'HandshakeInputError';
  constructor(
    readonly code: HandshakeInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The certificates of a chain file, in file order; empty text means "send no certificate". */
export function readCertificateChain(input: string | Certificate[], what: string): Certificate[] {
  if (Array.isArray(input)) return input;
  if (input.trim() === '') return [];

  let certificates: Certificate[];
  try {
    certificates = certificatesFromPem(input, what);
  } catch (error) {
    throw new HandshakeInputError(
      'certificate-unreadable',
      `${(error as Error).message} Open it in the certificate inspector to see where.`,
    );
  }
  if (certificates.length === 0) {
    throw new HandshakeInputError(
      'certificate-unreadable',
      `${what} holds no CERTIFICATE block. Give the device certificate as PEM (-----BEGIN CERTIFICATE-----).`,
    );
  }
  return certificates;
}

export async function readPrivateKey(
  crypto: CryptoPort,
  input: string | KeyPair | null,
): Promise<KeyPair> {
  if (input === null || input === '') {
    throw new HandshakeInputError(
      'private-key-missing',
      'A device that sends a certificate must also have its private key, to sign CertificateVerify. Give the key file made with the certificate.',
    );
  }
  if (typeof input !== 'string') return input;

  try {
    const key = privateKeyFromPem(input, "The device's private key");
    if (!key.pkcs8) {
      throw new Error(
        `The device's private key is ${key.description}, which WebCrypto cannot use.`,
      );
    }
    return await keyPairFromPkcs8(crypto, key.pkcs8, key.description);
  } catch (error) {
    throw new HandshakeInputError('private-key-unreadable', (error as Error).message);
  }
}
