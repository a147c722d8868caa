/** A public key on its own: `PUBLIC KEY` (SubjectPublicKeyInfo) or PKCS #1 `RSA PUBLIC KEY`. */
import type { Bytes } from './crypto-port.ts';
import { readWhole } from './der-reader.ts';
import { bitString, nullValue, objectIdentifier, sequence } from './der-writer.ts';
import type { DecodedField } from './decoded-field.ts';
import { OID } from './object-identifier.ts';
import { readPublicKeyInfo, readRsaPublicKey } from './public-key-info.ts';

export interface PublicKey {
  kind: 'public-key';
  format: 'spki' | 'pkcs1';
  type: 'RSA' | 'EC' | 'other';
  bits?: number;
  curve?: string;
  description: string;
  der: Bytes;
  /** The key as SubjectPublicKeyInfo, the form WebCrypto and certificates use. */
  spki: Bytes;
  fields: DecodedField;
  notes: string[];
}

export function readSpki(der: Bytes): PublicKey {
  const { key, field } = readPublicKeyInfo(readWhole(der, 'the outer SEQUENCE of the public key'));
  const decoded: PublicKey = {
    kind: 'public-key',
    format: 'spki',
    type: key.type,
    description: key.description,
    der,
    spki: der,
    fields: {
      ...field,
      meaning: 'A public key with its algorithm: what a certificate or CSR carries.',
    },
    notes: [],
  };
  if (key.bits !== undefined) decoded.bits = key.bits;
  if (key.curve !== undefined) decoded.curve = key.curve;
  return decoded;
}

export function readPkcs1PublicKey(der: Bytes): PublicKey {
  const { bits, field } = readRsaPublicKey(
    readWhole(der, 'the outer SEQUENCE of the RSA public key'),
  );
  return {
    kind: 'public-key',
    format: 'pkcs1',
    type: 'RSA',
    bits,
    description: `RSA ${bits}-bit`,
    der,
    spki: sequence(sequence(objectIdentifier(OID.rsaEncryption), nullValue()), bitString(der)),
    fields: field,
    notes: [
      'PKCS #1 keys carry no algorithm name; most tools want the SubjectPublicKeyInfo form (PUBLIC KEY).',
    ],
  };
}
