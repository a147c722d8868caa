/**
 * Checking a signature over DER bytes with a SubjectPublicKeyInfo, through WebCrypto. X.509
 * writes ECDSA signatures as DER SEQUENCE { r, s }; WebCrypto wants r and s side by side, each
 * padded to the curve size (IEEE P1363), so they are converted here.
 */
import type { AlgorithmParams, Bytes, CryptoPort } from './crypto-port.ts';
import { TAG, children, expect, readWhole } from './der-reader.ts';
import { readInteger } from './der-values.ts';
import type { AlgorithmIdentifier } from './algorithm-identifier.ts';
import { PkiDecodeError, decodeError } from './pki-problem.ts';
import { readPublicKeyInfo } from './public-key-info.ts';

const SIGNATURE_ALGORITHMS: Record<string, { family: 'RSA' | 'EC'; hash: string }> = {
  '1.2.840.113549.1.1.5': { family: 'RSA', hash: 'SHA-1' },
  '1.2.840.113549.1.1.11': { family: 'RSA', hash: 'SHA-256' },
  '1.2.840.113549.1.1.12': { family: 'RSA', hash: 'SHA-384' },
  '1.2.840.113549.1.1.13': { family: 'RSA', hash: 'SHA-512' },
  '1.2.840.10045.4.1': { family: 'EC', hash: 'SHA-1' },
  '1.2.840.10045.4.3.2': { family: 'EC', hash: 'SHA-256' },
  '1.2.840.10045.4.3.3': { family: 'EC', hash: 'SHA-384' },
  '1.2.840.10045.4.3.4': { family: 'EC', hash: 'SHA-512' },
};

const CURVE_BYTES: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** A failed check's reason reads after "the signature is bad because": "its signature is …". */
export type SignatureCheck = { valid: true } | { valid: false; reason: string };

export async function verifySignature(
  crypto: CryptoPort,
  check: {
    spki: Bytes;
    algorithm: AlgorithmIdentifier;
    signature: Bytes;
    data: Bytes;
    /** Whose key it is, for the reason. Default: "the public key". */
    signer?: string;
  },
): Promise<SignatureCheck> {
  const signer = check.signer ?? 'the public key';
  const scheme = SIGNATURE_ALGORITHMS[check.algorithm.oid];
  if (!scheme)
    return {
      valid: false,
      reason: `its signature algorithm ${check.algorithm.name} is not one Handshake checks`,
    };

  const { key } = readPublicKeyInfo(readWhole(check.spki, 'the SubjectPublicKeyInfo'));
  if (key.type !== scheme.family) {
    return {
      valid: false,
      reason: `its signature is ${scheme.family === 'EC' ? 'ECDSA' : 'RSA'} (${check.algorithm.name}) and ${signer} is ${key.description}`,
    };
  }

  let importParams: AlgorithmParams;
  let verifyParams: AlgorithmParams;
  let signature = check.signature;
  if (scheme.family === 'RSA') {
    importParams = { name: 'RSASSA-PKCS1-v1_5', hash: scheme.hash };
    verifyParams = { name: 'RSASSA-PKCS1-v1_5' };
  } else {
    const size = CURVE_BYTES[key.curve ?? ''];
    if (!size)
      return {
        valid: false,
        reason: `${signer} is ${key.description}, a curve Handshake does not check`,
      };
    importParams = { name: 'ECDSA', namedCurve: key.curve };
    verifyParams = { name: 'ECDSA', hash: scheme.hash };
    try {
      signature = ecdsaDerToRaw(check.signature, size);
    } catch (error) {
      if (!(error instanceof PkiDecodeError)) throw error;
      return { valid: false, reason: 'its ECDSA signature is not a DER SEQUENCE of two INTEGERs' };
    }
  }

  const publicKey = await crypto.subtle.importKey('spki', check.spki, importParams, false, [
    'verify',
  ]);
  const valid = await crypto.subtle.verify(verifyParams, publicKey, signature, check.data);
  return valid ? { valid } : { valid, reason: `its signature does not verify with ${signer}` };
}

/** ECDSA-Sig-Value (RFC 3279 §2.2.3) to r‖s, each `size` bytes. */
export function ecdsaDerToRaw(der: Bytes, size: number): Bytes {
  const root = readWhole(der, 'the ECDSA signature');
  const [r, s] = children(expect(root, TAG.SEQUENCE, 'ECDSA-Sig-Value', root));
  const raw = new Uint8Array(size * 2);
  [r, s].forEach((part, i) => {
    const value = readInteger(
      expect(part, TAG.INTEGER, i === 0 ? 'r' : 's', root),
      'A signature number',
    ).magnitude;
    if (value.length > size)
      throw decodeError('invalid-integer', `A signature number is longer than ${size} bytes.`);
    raw.set(value, i * size + size - value.length);
  });
  return raw;
}
