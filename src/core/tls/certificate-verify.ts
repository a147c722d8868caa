/**
 * CertificateVerify (RFC 8446 §4.4.3): each side proves it holds the private key of the
 * certificate it sent by signing the transcript hash. The signed content is 64 spaces, the
 * context string, one zero byte, then the hash. ECDSA signatures travel DER-encoded (§4.2.3);
 * RSA keys sign with RSASSA-PSS, the only RSA scheme TLS 1.3 allows here.
 */
import { concatBytes } from '../pki/bytes.ts';
import type { AlgorithmParams, Bytes, CryptoPort } from '../pki/crypto-port.ts';
import { sequence, unsignedInteger } from '../pki/der-writer.ts';
import type { Certificate } from '../pki/certificate.ts';
import type { KeyPair } from '../pki/key-pair.ts';
import { PkiDecodeError } from '../pki/pki-problem.ts';
import { ecdsaDerToRaw } from '../pki/signature.ts';
import { utf8Encode } from '../pki/text-encoding.ts';
import type { Side } from './handshake-report.ts';

export const CONTEXT_STRINGS: Record<Side, string> = {
  server: 'TLS 1.3, server CertificateVerify',
  client: 'TLS 1.3, client CertificateVerify',
};

/** RFC 8446 §4.2.3 SignatureScheme names, with what WebCrypto needs to make and check them. */
const SCHEMES = {
  ecdsa_secp256r1_sha256: { curve: 'P-256', hash: 'SHA-256', size: 32 },
  ecdsa_secp384r1_sha384: { curve: 'P-384', hash: 'SHA-384', size: 48 },
  rsa_pss_rsae_sha256: { curve: null, hash: 'SHA-256', size: 32 },
} as const;

export type SignatureScheme = keyof typeof SCHEMES;

/** The schemes the model offers in signature_algorithms, in preference order. */
export const OFFERED_SCHEMES = Object.keys(SCHEMES) as SignatureScheme[];

/** What is signed: 0x20 × 64 || context string || 0x00 || transcript hash. */
export function signedContent(side: Side, transcriptHash: Uint8Array): Bytes {
  return concatBytes(
    new Uint8Array(64).fill(0x20),
    utf8Encode(CONTEXT_STRINGS[side]),
    new Uint8Array([0]),
    transcriptHash,
  );
}

export function schemeFor(keyPair: KeyPair): SignatureScheme {
  if (keyPair.algorithm === 'P-256') return 'ecdsa_secp256r1_sha256';
  if (keyPair.algorithm === 'P-384') return 'ecdsa_secp384r1_sha384';
  return 'rsa_pss_rsae_sha256';
}

export interface CertificateVerifyMessage {
  algorithm: SignatureScheme;
  signature: Bytes;
}

export async function signCertificateVerify(
  crypto: CryptoPort,
  side: Side,
  keyPair: KeyPair,
  transcriptHash: Uint8Array,
): Promise<CertificateVerifyMessage> {
  const algorithm = schemeFor(keyPair);
  const scheme = SCHEMES[algorithm];
  const content = signedContent(side, transcriptHash);

  if (scheme.curve === null) {
    const pss = { name: 'RSA-PSS', hash: scheme.hash };
    const key = await crypto.subtle.importKey('pkcs8', keyPair.pkcs8, pss, false, ['sign']);
    const signature = await crypto.subtle.sign(pssParams(), key, content);
    return { algorithm, signature: new Uint8Array(signature) };
  }
  const raw = new Uint8Array(
    await crypto.subtle.sign({ name: 'ECDSA', hash: scheme.hash }, keyPair.privateKey, content),
  );
  const r = raw.subarray(0, scheme.size);
  const s = raw.subarray(scheme.size);
  return { algorithm, signature: sequence(unsignedInteger(r), unsignedInteger(s)) };
}

/** Checks a CertificateVerify with the public key of the certificate its sender sent. */
export async function verifyCertificateVerify(
  crypto: CryptoPort,
  side: Side,
  message: CertificateVerifyMessage,
  certificate: Certificate,
  transcriptHash: Uint8Array,
): Promise<{ valid: boolean; reason: string }> {
  const scheme = SCHEMES[message.algorithm];
  const key = certificate.publicKey;
  const fits = scheme.curve === null ? key.type === 'RSA' : key.curve === scheme.curve;
  if (!fits) {
    return {
      valid: false,
      reason: `it is signed with ${message.algorithm}, which does not fit the certificate's ${key.description} key`,
    };
  }

  const content = signedContent(side, transcriptHash);
  const [importParams, verifyParams] = verifyParamsFor(message.algorithm);
  let signature = message.signature;
  if (scheme.curve !== null) {
    try {
      signature = ecdsaDerToRaw(message.signature, scheme.size);
    } catch (error) {
      if (!(error instanceof PkiDecodeError)) throw error;
      return { valid: false, reason: 'its ECDSA signature is not a DER SEQUENCE of two INTEGERs' };
    }
  }
  const publicKey = await crypto.subtle.importKey('spki', key.spki, importParams, false, [
    'verify',
  ]);
  const valid = await crypto.subtle.verify(verifyParams, publicKey, signature, content);
  return valid
    ? {
        valid,
        reason: `the ${message.algorithm} signature verifies with the certificate's public key`,
      }
    : {
        valid,
        reason:
          "the signature does not verify with the certificate's public key: the private key that signed is not the certificate's",
      };
}

function pssParams(): AlgorithmParams {
  // RFC 8446 §4.2.3: the salt is as long as the digest.
  return { name: 'RSA-PSS', saltLength: 32 };
}

function verifyParamsFor(algorithm: SignatureScheme): [AlgorithmParams, AlgorithmParams] {
  const scheme = SCHEMES[algorithm];
  if (scheme.curve === null) return [{ name: 'RSA-PSS', hash: scheme.hash }, pssParams()];
  return [
    { name: 'ECDSA', namedCurve: scheme.curve },
    { name: 'ECDSA', hash: scheme.hash },
  ];
}
