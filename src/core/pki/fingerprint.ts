/**
 * A certificate's fingerprints: hashes of its whole DER. AWS IoT names a certificate by the
 * SHA-256 in lowercase hex (the certificate ID); OpenSSL prints upper-case hex with colons.
 */
import { toColonHex, toHex } from './bytes.ts';
import { digest, type Bytes, type CryptoPort } from './crypto-port.ts';

export interface Fingerprints {
  /** The certificate ID AWS IoT shows: SHA-256, lowercase hex, no separators. */
  certificateId: string;
  /** As `openssl x509 -fingerprint -sha256` prints it. */
  sha256: string;
  /** As `openssl x509 -fingerprint -sha1` prints it. */
  sha1: string;
}

export async function certificateId(crypto: CryptoPort, der: Bytes): Promise<string> {
  return toHex(await digest(crypto, 'SHA-256', der));
}

export async function fingerprints(crypto: CryptoPort, der: Bytes): Promise<Fingerprints> {
  const [sha256, sha1] = await Promise.all([
    digest(crypto, 'SHA-256', der),
    digest(crypto, 'SHA-1', der),
  ]);
  return { certificateId: toHex(sha256), sha256: toColonHex(sha256), sha1: toColonHex(sha1) };
}
