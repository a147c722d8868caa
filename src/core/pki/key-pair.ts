/**
 * Key pairs made and held by WebCrypto: RSA (2048, 3072, 4096 bits) and ECDSA (P-256, P-384).
 * Keys are extractable so they can be saved as PEM, given to node-forge, and put in PKCS #12.
 */
import { fromBase64Url } from './bytes.ts';
import type {
  AlgorithmParams,
  Bytes,
  CryptoKeyHandle,
  CryptoKeyPairHandle,
  CryptoPort,
  JsonWebKeyFields,
} from './crypto-port.ts';
import { bitString, objectIdentifier, sequence, unsignedInteger, nullValue } from './der-writer.ts';
import { OID } from './object-identifier.ts';
import { encodePem } from './pem.ts';
import { PkiError } from './pki-problem.ts';

export const KEY_ALGORITHMS = ['RSA-2048', 'RSA-3072', 'RSA-4096', 'P-256', 'P-384'] as const;

export type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];

/** What AWS IoT accepts for device certificates; the lessons default to the first. */
export const AWS_IOT_KEY_ALGORITHMS: readonly KeyAlgorithm[] = ['P-256', 'RSA-2048'];

export interface KeyPair {
  algorithm: KeyAlgorithm;
  type: 'RSA' | 'EC';
  /** For signing: RSASSA-PKCS1-v1_5 with SHA-256, or ECDSA. */
  privateKey: CryptoKeyHandle;
  publicKey: CryptoKeyHandle;
  /** PrivateKeyInfo DER (PKCS #8). */
  pkcs8: Bytes;
  /** SubjectPublicKeyInfo DER. */
  spki: Bytes;
}

export function isKeyAlgorithm(value: string): value is KeyAlgorithm {
  return (KEY_ALGORITHMS as readonly string[]).includes(value);
}

const CURVE_OIDS = { 'P-256': OID.prime256v1, 'P-384': OID.secp384r1 } as const;

/** The parameters WebCrypto generates and imports the key with. */
export function keyParams(algorithm: KeyAlgorithm): AlgorithmParams {
  if (algorithm === 'P-256' || algorithm === 'P-384')
    return { name: 'ECDSA', namedCurve: algorithm };
  return {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: Number(algorithm.slice(4)),
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  };
}

/** The parameters a signature with this key is made with: SHA-384 goes with P-384. */
export function signatureParams(algorithm: KeyAlgorithm): AlgorithmParams {
  if (algorithm === 'P-256') return { name: 'ECDSA', hash: 'SHA-256' };
  if (algorithm === 'P-384') return { name: 'ECDSA', hash: 'SHA-384' };
  return { name: 'RSASSA-PKCS1-v1_5' };
}

export async function generateKeyPair(
  crypto: CryptoPort,
  algorithm: KeyAlgorithm = 'P-256',
): Promise<KeyPair> {
  const pair = (await crypto.subtle.generateKey(keyParams(algorithm), true, [
    'sign',
    'verify',
  ])) as CryptoKeyPairHandle;
  return {
    algorithm,
    type: algorithm.startsWith('RSA') ? 'RSA' : 'EC',
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    pkcs8: await exportBytes(crypto, 'pkcs8', pair.privateKey),
    spki: await exportBytes(crypto, 'spki', pair.publicKey),
  };
}

/**
 * A key pair from a PKCS #8 private key; the public key is derived through WebCrypto.
 * `description` is what the decoder says of the key, e.g. "RSA 2048-bit".
 */
export async function keyPairFromPkcs8(
  crypto: CryptoPort,
  pkcs8: Bytes,
  description: string,
): Promise<KeyPair> {
  const algorithm = algorithmOf(description);
  const params = keyParams(algorithm);
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, params, true, ['sign']);
  const jwk = (await crypto.subtle.exportKey('jwk', privateKey)) as JsonWebKeyFields;
  const spki = spkiFromJwk(jwk, algorithm);
  const publicKey = await crypto.subtle.importKey('spki', spki, params, true, ['verify']);
  return {
    algorithm,
    type: algorithm.startsWith('RSA') ? 'RSA' : 'EC',
    privateKey,
    publicKey,
    pkcs8,
    spki,
  };
}

function algorithmOf(description: string): KeyAlgorithm {
  const rsa = /^RSA (\d+)-bit$/.exec(description);
  const name = rsa ? `RSA-${rsa[1]}` : description.replace(/^EC /, '');
  if (isKeyAlgorithm(name)) return name;
  const hint =
    rsa && Number(rsa[1]) < 2048
      ? ' Keys under 2048 bits are too weak, and AWS IoT refuses them.'
      : '';
  throw new PkiError(
    'unsupported-key',
    `The key is ${description}; Handshake works with ${KEY_ALGORITHMS.join(', ')}.${hint}`,
  );
}

/** SubjectPublicKeyInfo from the public numbers of a JWK. */
function spkiFromJwk(jwk: JsonWebKeyFields, algorithm: KeyAlgorithm): Bytes {
  if (algorithm === 'P-256' || algorithm === 'P-384') {
    const point = new Uint8Array([4, ...fromBase64Url(jwk.x ?? ''), ...fromBase64Url(jwk.y ?? '')]);
    return sequence(
      sequence(objectIdentifier(OID.ecPublicKey), objectIdentifier(CURVE_OIDS[algorithm])),
      bitString(point),
    );
  }
  const rsaPublicKey = sequence(
    unsignedInteger(fromBase64Url(jwk.n ?? '')),
    unsignedInteger(fromBase64Url(jwk.e ?? '')),
  );
  return sequence(
    sequence(objectIdentifier(OID.rsaEncryption), nullValue()),
    bitString(rsaPublicKey),
  );
}

async function exportBytes(
  crypto: CryptoPort,
  format: 'pkcs8' | 'spki',
  key: CryptoKeyHandle,
): Promise<Bytes> {
  if (!key.extractable) {
    throw new PkiError(
      'key-not-extractable',
      'The key was made non-extractable, so it cannot be saved. Make it again.',
    );
  }
  return new Uint8Array((await crypto.subtle.exportKey(format, key)) as ArrayBuffer);
}

/** `-----BEGIN PRIVATE KEY-----` (PKCS #8, unencrypted): keep it secret. */
export function privateKeyPem(keyPair: KeyPair): string {
  return encodePem('PRIVATE KEY', keyPair.pkcs8);
}

/** `-----BEGIN PUBLIC KEY-----` (SubjectPublicKeyInfo). */
export function publicKeyPem(keyPair: KeyPair): string {
  return encodePem('PUBLIC KEY', keyPair.spki);
}
