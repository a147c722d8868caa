/**
 * SubjectPublicKeyInfo (RFC 5280 §4.1.2.7): the algorithm and the public key, read far enough
 * to say "RSA 2048-bit" or "EC P-256" and to hand the key to WebCrypto.
 */
import type { Bytes } from './crypto-port.ts';
import { TAG, children, encoded, expect, readTlv, type Tlv } from './der-reader.ts';
import { readBitString, readInteger } from './der-values.ts';
import { readAlgorithm, type AlgorithmIdentifier } from './algorithm-identifier.ts';
import { field, type DecodedField } from './decoded-field.ts';
import { OID } from './object-identifier.ts';

export const CURVES: Record<string, { name: 'P-256' | 'P-384' | 'P-521'; bits: number }> = {
  [OID.prime256v1]: { name: 'P-256', bits: 256 },
  [OID.secp384r1]: { name: 'P-384', bits: 384 },
  [OID.secp521r1]: { name: 'P-521', bits: 521 },
};

export interface PublicKeyInfo {
  type: 'RSA' | 'EC' | 'other';
  algorithm: AlgorithmIdentifier;
  /** Modulus size for RSA, curve size for EC. */
  bits?: number;
  /** `P-256`, `P-384` or `P-521` for EC keys. */
  curve?: string;
  /** "RSA 2048-bit", "EC P-256". */
  description: string;
  /** The whole SubjectPublicKeyInfo, as WebCrypto imports it with format `spki`. */
  spki: Bytes;
  /** The BIT STRING's bytes: an RSAPublicKey, or an EC point. */
  subjectPublicKey: Bytes;
}

export function readPublicKeyInfo(tlv: Tlv): { key: PublicKeyInfo; field: DecodedField } {
  const [algorithmTlv, keyTlv] = children(expect(tlv, TAG.SEQUENCE, 'subjectPublicKeyInfo', tlv));
  const algorithm = readAlgorithm(
    algorithmTlv!,
    'algorithm',
    'The kind of public key, and for an EC key its curve.',
  );
  const bits = readBitString(
    expect(keyTlv, TAG.BIT_STRING, 'subjectPublicKey', tlv),
    'subjectPublicKey',
  );
  const key: PublicKeyInfo = {
    type: 'other',
    algorithm: algorithm.algorithm,
    description: algorithm.algorithm.name,
    spki: encoded(tlv),
    subjectPublicKey: bits.bytes,
  };

  let keyChildren: DecodedField[] = [];
  let keyMeaning = 'The public key itself.';
  if (algorithm.algorithm.oid === OID.rsaEncryption) {
    const rsa = readRsaPublicKey(
      readTlv(
        tlv.source,
        keyTlv!.offset + keyTlv!.headerLength + 1,
        keyTlv!.end,
        'the RSAPublicKey',
      ),
    );
    key.type = 'RSA';
    key.bits = rsa.bits;
    key.description = `RSA ${rsa.bits}-bit`;
    keyChildren = [rsa.field];
    keyMeaning = 'The RSA public key: a modulus and a public exponent.';
  } else if (algorithm.algorithm.oid === OID.ecPublicKey) {
    const curve = CURVES[algorithm.algorithm.namedCurve ?? ''];
    key.type = 'EC';
    if (curve) {
      key.curve = curve.name;
      key.bits = curve.bits;
    }
    key.description = `EC ${curve?.name ?? algorithm.algorithm.namedCurve ?? 'with explicit parameters'}`;
    keyMeaning =
      bits.bytes[0] === 4
        ? 'The EC public point, uncompressed: 0x04, then the x and y coordinates.'
        : 'The EC public point in compressed form.';
  }

  const nodes = [
    algorithm.field,
    field(keyTlv!, 'subjectPublicKey', keyMeaning, `${bits.bytes.length} bytes`, keyChildren),
  ];
  return {
    key,
    field: field(
      tlv,
      'subjectPublicKeyInfo',
      'The public key this certificate vouches for.',
      key.description,
      nodes,
    ),
  };
}

/** RSAPublicKey (RFC 8017 §A.1.1). */
export function readRsaPublicKey(tlv: Tlv): { bits: number; field: DecodedField } {
  const [modulus, exponent] = children(expect(tlv, TAG.SEQUENCE, 'RSAPublicKey', tlv));
  const n = readInteger(expect(modulus, TAG.INTEGER, 'modulus', tlv), 'The modulus');
  const e = readInteger(
    expect(exponent, TAG.INTEGER, 'publicExponent', tlv),
    'The public exponent',
  );
  const bits = bitLength(n.magnitude);
  return {
    bits,
    field: field(tlv, 'RSAPublicKey', 'An RSA public key.', undefined, [
      field(
        modulus!,
        'modulus',
        'The product of two secret primes; its size is the key size.',
        `${bits} bits`,
      ),
      field(
        exponent!,
        'publicExponent',
        'The public exponent, almost always 65537.',
        String(e.number ?? e.hex),
      ),
    ]),
  };
}

export function bitLength(magnitude: Uint8Array): number {
  let start = 0;
  while (start < magnitude.length && magnitude[start] === 0) start++;
  if (start === magnitude.length) return 0;
  return (magnitude.length - start - 1) * 8 + (32 - Math.clz32(magnitude[start]!));
}
