/**
 * Reading the PEM a device brings to a handshake: CERTIFICATE blocks, and one private key
 * (PKCS #8, PKCS #1 or SEC1). Built on the PEM parser and the DER readers alone, not on the
 * PKI decoder: that one loads node-forge on demand for encrypted keys, and the in-page lab's
 * worker is bundled as one file that cannot load anything on demand.
 */
import { readCertificate, type Certificate } from '../pki/certificate.ts';
import type { Bytes } from '../pki/crypto-port.ts';
import { parsePem } from '../pki/pem.ts';
import { PkiDecodeError } from '../pki/pki-problem.ts';
import {
  readPkcs1PrivateKey,
  readPrivateKeyInfo,
  readSec1PrivateKey,
  type PrivateKey,
} from '../pki/private-key.ts';

const KEY_READERS: Record<string, (der: Bytes) => PrivateKey> = {
  'PRIVATE KEY': readPrivateKeyInfo,
  'RSA PRIVATE KEY': readPkcs1PrivateKey,
  'EC PRIVATE KEY': readSec1PrivateKey,
};

/** The certificates in the text, in order; throws with a sentence when a block cannot be read. */
export function certificatesFromPem(text: string, what: string): Certificate[] {
  const certificates: Certificate[] = [];
  for (const [index, entry] of parsePem(text).entries.entries()) {
    if (entry.status === 'rejected') {
      throw new Error(`Block ${index + 1} of ${what} cannot be read: ${entry.problem.message}`);
    }
    if (entry.block.label !== 'CERTIFICATE') continue;
    certificates.push(
      readDer(() => readCertificate(entry.block.der), `block ${index + 1} of ${what}`),
    );
  }
  return certificates;
}

/** The first private key in the text; throws with a sentence when there is none it can use. */
export function privateKeyFromPem(text: string, what: string): PrivateKey {
  for (const entry of parsePem(text).entries) {
    if (entry.status === 'rejected') {
      throw new Error(`${what} cannot be read: ${entry.problem.message}`);
    }
    if (entry.block.label === 'ENCRYPTED PRIVATE KEY') {
      throw new Error(
        `${what} is encrypted. A device needs it readable to sign; decrypt a copy first ` +
          '(openssl pkey -in device.key -out device-plain.key).',
      );
    }
    const reader = KEY_READERS[entry.block.label];
    if (reader) return readDer(() => reader(entry.block.der), what);
  }
  throw new Error(`${what} holds no private key (-----BEGIN PRIVATE KEY-----).`);
}

function readDer<T>(read: () => T, what: string): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof PkiDecodeError)) throw error;
    throw new Error(`${what} cannot be read: ${error.message}`);
  }
}
