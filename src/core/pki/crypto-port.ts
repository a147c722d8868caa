/**
 * The port through which the PKI code reaches WebCrypto. The core may not name the platform's
 * `crypto` global, so every caller passes one in: `globalThis.crypto` in the page, in a worker
 * and in Node 20 all fit this shape.
 */

/** Bytes backed by a plain ArrayBuffer, which is what WebCrypto accepts. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** A key held by WebCrypto: opaque here, only its kind and algorithm are read. */
export interface CryptoKeyHandle {
  readonly type: string;
  readonly extractable: boolean;
  readonly algorithm: { readonly name: string };
}

export interface CryptoKeyPairHandle {
  publicKey: CryptoKeyHandle;
  privateKey: CryptoKeyHandle;
}

/** A JSON Web Key as WebCrypto exports it; only the fields this code reads are named. */
export interface JsonWebKeyFields {
  kty?: string;
  crv?: string;
  n?: string;
  e?: string;
  x?: string;
  y?: string;
}

/** Algorithm parameters as WebCrypto takes them, e.g. `{ name: 'ECDSA', namedCurve: 'P-256' }`. */
export interface AlgorithmParams {
  name: string;
  [parameter: string]: unknown;
}

export type WebCryptoKeyUsage = 'sign' | 'verify';

/** The part of `SubtleCrypto` this code uses. */
export interface SubtleCryptoPort {
  generateKey(
    algorithm: AlgorithmParams,
    extractable: boolean,
    keyUsages: readonly WebCryptoKeyUsage[],
  ): Promise<CryptoKeyPairHandle | CryptoKeyHandle>;
  importKey(
    format: 'spki' | 'pkcs8',
    keyData: Bytes,
    algorithm: AlgorithmParams,
    extractable: boolean,
    keyUsages: readonly WebCryptoKeyUsage[],
  ): Promise<CryptoKeyHandle>;
  exportKey(
    format: 'spki' | 'pkcs8' | 'jwk',
    key: CryptoKeyHandle,
  ): Promise<ArrayBuffer | JsonWebKeyFields>;
  sign(algorithm: AlgorithmParams, key: CryptoKeyHandle, data: Bytes): Promise<ArrayBuffer>;
  verify(
    algorithm: AlgorithmParams,
    key: CryptoKeyHandle,
    signature: Bytes,
    data: Bytes,
  ): Promise<boolean>;
  digest(algorithm: string, data: Bytes): Promise<ArrayBuffer>;
}

/** What `globalThis.crypto` provides: `subtle` and a source of random bytes. */
export interface CryptoPort {
  readonly subtle: SubtleCryptoPort;
  getRandomValues(array: Bytes): Bytes;
}

export type DigestName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/** A digest through the port, as bytes. */
export async function digest(
  crypto: CryptoPort,
  algorithm: DigestName,
  data: Bytes,
): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest(algorithm, data));
}
