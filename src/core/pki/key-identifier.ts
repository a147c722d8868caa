/**
 * Key identifiers (RFC 5280 §4.2.1.2, method 1): the SHA-1 of the subjectPublicKey BIT STRING's
 * bytes. A certificate's authorityKeyIdentifier repeats its issuer's subjectKeyIdentifier, which
 * is how a verifier finds the issuer's key among several with the same name.
 */
import type { Bytes, CryptoPort } from './crypto-port.ts';
import { digest } from './crypto-port.ts';
import { readWhole } from './der-reader.ts';
import { readPublicKeyInfo } from './public-key-info.ts';

export async function keyIdentifier(crypto: CryptoPort, spki: Bytes): Promise<Bytes> {
  const { key } = readPublicKeyInfo(readWhole(spki, 'the SubjectPublicKeyInfo'));
  return digest(crypto, 'SHA-1', new Uint8Array(key.subjectPublicKey));
}
