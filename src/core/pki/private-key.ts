/**
 * Reading private keys: PKCS #8 PrivateKeyInfo (RFC 5208), PKCS #1 RSAPrivateKey (RFC 8017) and
 * SEC1 ECPrivateKey (RFC 5915). Secret numbers are shown by size only, never by value.
 */
import type { Bytes } from './crypto-port.ts';
import {
  TAG,
  children,
  content,
  expect,
  isContext,
  readTlv,
  readWhole,
  type Tlv,
} from './der-reader.ts';
import { readBitString, readInteger, readOid } from './der-values.ts';
import { objectIdentifier, octetString, sequence, smallInteger, nullValue } from './der-writer.ts';
import { readAlgorithm } from './algorithm-identifier.ts';
import { field, type DecodedField } from './decoded-field.ts';
import { OID, oidInfo } from './object-identifier.ts';
import { CURVES, bitLength } from './public-key-info.ts';

export type PrivateKeyFormat = 'pkcs8' | 'pkcs1' | 'sec1';

export interface PrivateKey {
  kind: 'private-key';
  format: PrivateKeyFormat;
  type: 'RSA' | 'EC' | 'other';
  bits?: number;
  curve?: string;
  /** "RSA 2048-bit", "EC P-256". */
  description: string;
  der: Bytes;
  /** The same key as PKCS #8, the form WebCrypto imports; absent for key types it cannot take. */
  pkcs8?: Bytes;
  fields: DecodedField;
  notes: string[];
}

const secret = (bytes: number) => `secret, ${bytes} bytes: not shown`;

export function readPrivateKeyInfo(der: Bytes): PrivateKey {
  const root = readWhole(der, 'the outer SEQUENCE of the private key');
  const [versionTlv, algorithmTlv, keyTlv] = children(
    expect(root, TAG.SEQUENCE, 'PrivateKeyInfo', root),
  );
  const version = readInteger(expect(versionTlv, TAG.INTEGER, 'version', root), 'The version');
  const algorithm = readAlgorithm(
    expect(algorithmTlv, TAG.SEQUENCE, 'privateKeyAlgorithm', root),
    'privateKeyAlgorithm',
    'The kind of key, and for an EC key its curve.',
  );
  const octets = expect(keyTlv, TAG.OCTET_STRING, 'privateKey', root);
  const inner = readTlv(
    der,
    octets.offset + octets.headerLength,
    octets.end,
    'the key inside privateKey',
  );

  let key: Omit<PrivateKey, 'format' | 'der' | 'fields' | 'notes' | 'kind'>;
  let innerField: DecodedField;
  if (algorithm.algorithm.oid === OID.rsaEncryption) {
    const rsa = readRsaPrivateKey(inner);
    key = rsa.key;
    innerField = rsa.field;
  } else if (algorithm.algorithm.oid === OID.ecPublicKey) {
    const ec = readEcPrivateKey(inner, algorithm.algorithm.namedCurve);
    key = ec.key;
    innerField = ec.field;
  } else {
    key = { type: 'other', description: algorithm.algorithm.name };
    innerField = field(inner, 'privateKey', 'The private key.', secret(content(octets).length));
  }

  const fields = field(
    root,
    'PrivateKeyInfo',
    'A private key in the PKCS #8 wrapper, which names its algorithm.',
    key.description,
    [
      field(
        versionTlv!,
        'version',
        '0 for PKCS #8 v1; 1 when a public key is included.',
        String(version.number),
      ),
      algorithm.field,
      field(
        octets,
        'privateKey',
        'The algorithm’s own private key structure, inside an OCTET STRING.',
        undefined,
        [innerField],
      ),
    ],
  );
  const decoded: PrivateKey = {
    kind: 'private-key',
    format: 'pkcs8',
    ...key,
    der,
    fields,
    notes: [],
  };
  if (key.type !== 'other') decoded.pkcs8 = der;
  return decoded;
}

/** A PKCS #1 `RSA PRIVATE KEY`. */
export function readPkcs1PrivateKey(der: Bytes): PrivateKey {
  const root = readWhole(der, 'the outer SEQUENCE of the RSA private key');
  const rsa = readRsaPrivateKey(root);
  const pkcs8 = sequence(
    smallInteger(0),
    sequence(objectIdentifier(OID.rsaEncryption), nullValue()),
    octetString(der),
  );
  return {
    kind: 'private-key',
    format: 'pkcs1',
    ...rsa.key,
    der,
    pkcs8,
    fields: rsa.field,
    notes: [],
  };
}

/** A SEC1 `EC PRIVATE KEY`, which names its curve in its own parameters field. */
export function readSec1PrivateKey(der: Bytes): PrivateKey {
  const root = readWhole(der, 'the outer SEQUENCE of the EC private key');
  const ec = readEcPrivateKey(root, undefined);
  const decoded: PrivateKey = {
    kind: 'private-key',
    format: 'sec1',
    ...ec.key,
    der,
    fields: ec.field,
    notes: [],
  };
  if (ec.curveOid) {
    decoded.pkcs8 = sequence(
      smallInteger(0),
      sequence(objectIdentifier(OID.ecPublicKey), objectIdentifier(ec.curveOid)),
      octetString(der),
    );
  } else {
    decoded.notes.push(
      'The key does not name its curve, so it cannot be used without its EC PARAMETERS.',
    );
  }
  return decoded;
}

const RSA_PARTS = [
  ['version', '0 for a key with two primes.'],
  ['modulus', 'The public modulus n = p × q; its size is the key size.'],
  ['publicExponent', 'The public exponent e, almost always 65537.'],
  ['privateExponent', 'The private exponent d, the heart of the secret.'],
  ['prime1', 'The secret prime p.'],
  ['prime2', 'The secret prime q.'],
  ['exponent1', 'd mod (p − 1), which makes signing faster.'],
  ['exponent2', 'd mod (q − 1), which makes signing faster.'],
  ['coefficient', 'q⁻¹ mod p, which makes signing faster.'],
] as const;

function readRsaPrivateKey(tlv: Tlv) {
  const parts = children(expect(tlv, TAG.SEQUENCE, 'RSAPrivateKey', tlv));
  const nodes: DecodedField[] = [];
  let bits = 0;
  RSA_PARTS.forEach(([name, meaning], i) => {
    const part = expect(parts[i], TAG.INTEGER, name, tlv);
    const value = readInteger(part, `The ${name}`);
    if (name === 'modulus') bits = bitLength(value.magnitude);
    const shown =
      i === 0
        ? String(value.number)
        : name === 'modulus'
          ? `${bits} bits`
          : name === 'publicExponent'
            ? String(value.number ?? value.hex)
            : secret(value.magnitude.length);
    nodes.push(field(part, name, meaning, shown));
  });
  const description = `RSA ${bits}-bit`;
  return {
    key: { type: 'RSA' as const, bits, description },
    field: field(
      tlv,
      'RSAPrivateKey',
      'An RSA private key: the modulus, the exponents and the primes.',
      description,
      nodes,
    ),
  };
}

function readEcPrivateKey(tlv: Tlv, curveFromAlgorithm: string | undefined) {
  const parts = children(expect(tlv, TAG.SEQUENCE, 'ECPrivateKey', tlv));
  const version = readInteger(expect(parts[0], TAG.INTEGER, 'version', tlv), 'The version');
  const privateKey = expect(parts[1], TAG.OCTET_STRING, 'privateKey', tlv);
  const nodes: DecodedField[] = [
    field(parts[0]!, 'version', 'Always 1 for SEC1 keys.', String(version.number)),
    field(
      privateKey,
      'privateKey',
      'The secret number d; the public point is d × G.',
      secret(content(privateKey).length),
    ),
  ];

  let curveOid = curveFromAlgorithm;
  for (const part of parts.slice(2)) {
    if (isContext(part, 0)) {
      const oidTlv = readTlv(part.source, part.offset + part.headerLength, part.end, 'the curve');
      curveOid = readOid(expect(oidTlv, TAG.OBJECT_IDENTIFIER, 'parameters', part), 'The curve');
      nodes.push(field(part, 'parameters', 'The curve the key lives on.', oidInfo(curveOid).name));
    } else if (isContext(part, 1)) {
      const bitsTlv = readTlv(
        part.source,
        part.offset + part.headerLength,
        part.end,
        'the public key',
      );
      const point = readBitString(
        expect(bitsTlv, TAG.BIT_STRING, 'publicKey', part),
        'The public key',
      );
      nodes.push(
        field(
          part,
          'publicKey',
          'The public point, kept beside the secret for convenience.',
          `${point.bytes.length} bytes`,
        ),
      );
    }
  }

  const curve = CURVES[curveOid ?? ''];
  const description = `EC ${curve?.name ?? (curveOid ? oidInfo(curveOid).name : 'on an unnamed curve')}`;
  const key: { type: 'EC'; description: string; bits?: number; curve?: string } = {
    type: 'EC',
    description,
  };
  if (curve) {
    key.bits = curve.bits;
    key.curve = curve.name;
  }
  return {
    key,
    curveOid,
    field: field(tlv, 'ECPrivateKey', 'An elliptic-curve private key (SEC1).', description, nodes),
  };
}

/** `EC PARAMETERS`, as `openssl ecparam -genkey` writes before the key: just the curve. */
export function readEcParameters(der: Bytes) {
  const root = readWhole(der, 'the EC parameters');
  const oid = readOid(expect(root, TAG.OBJECT_IDENTIFIER, 'ECParameters', root), 'The curve');
  const info = oidInfo(oid);
  return {
    kind: 'ec-parameters' as const,
    curve: CURVES[oid]?.name ?? info.name,
    der,
    fields: field(root, 'namedCurve', info.meaning, `${info.name} (${oid})`),
    notes: [] as string[],
  };
}

export type EcParameters = ReturnType<typeof readEcParameters>;
