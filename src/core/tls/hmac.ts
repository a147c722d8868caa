/**
 * HMAC-SHA-256 (RFC 2104) built on the port's SHA-256 alone, since the CryptoPort the core is
 * given names no HMAC keys: H((K ^ opad) || H((K ^ ipad) || message)), with a 64-byte block.
 */
import { concatBytes } from '../pki/bytes.ts';
import { digest, type Bytes, type CryptoPort } from '../pki/crypto-port.ts';

const BLOCK_BYTES = 64;

export async function hmacSha256(crypto: CryptoPort, key: Uint8Array, message: Uint8Array) {
  const shortKey =
    key.length > BLOCK_BYTES ? await digest(crypto, 'SHA-256', new Uint8Array(key)) : key;
  const padded = new Uint8Array(BLOCK_BYTES);
  padded.set(shortKey);

  const inner = padded.map((byte) => byte ^ 0x36);
  const outer = padded.map((byte) => byte ^ 0x5c);
  const innerHash = await digest(crypto, 'SHA-256', concatBytes(inner, message));
  return digest(crypto, 'SHA-256', concatBytes(outer, innerHash)) as Promise<Bytes>;
}
