/**
 * EncryptedPrivateKeyInfo (RFC 5208 §6, with PBES2 from RFC 8018): a PKCS #8 key encrypted
 * with a password. Reading it shows how it is protected; decrypting it needs the password and
 * is done by the node-forge adapter.
 */
import type { Bytes } from './crypto-port.ts';
import { TAG, children, content, expect, isUniversal, readWhole, type Tlv } from './der-reader.ts';
import { readInteger, readOid } from './der-values.ts';
import { field, type DecodedField } from './decoded-field.ts';
import { oidInfo } from './object-identifier.ts';
import type { PrivateKey } from './private-key.ts';

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';

export interface EncryptedPrivateKey {
  kind: 'encrypted-private-key';
  der: Bytes;
  /** How the key is protected, e.g. "PBES2: PBKDF2 with hmacWithSHA256, 2048 iterations; aes256-CBC". */
  encryption: string;
  /** The key inside, when the right password was given. */
  decrypted?: PrivateKey;
  fields: DecodedField;
  notes: string[];
}

export function readEncryptedPrivateKeyInfo(der: Bytes): EncryptedPrivateKey {
  const root = readWhole(der, 'the outer SEQUENCE of the encrypted private key');
  const [algorithmTlv, dataTlv] = children(
    expect(root, TAG.SEQUENCE, 'EncryptedPrivateKeyInfo', root),
  );
  const algorithm = readEncryptionAlgorithm(
    expect(algorithmTlv, TAG.SEQUENCE, 'encryptionAlgorithm', root),
  );
  const data = expect(dataTlv, TAG.OCTET_STRING, 'encryptedData', root);

  return {
    kind: 'encrypted-private-key',
    der,
    encryption: algorithm.summary,
    fields: field(
      root,
      'EncryptedPrivateKeyInfo',
      'A PKCS #8 private key encrypted with a key derived from a password.',
      algorithm.summary,
      [
        algorithm.field,
        field(
          data,
          'encryptedData',
          'The encrypted PrivateKeyInfo.',
          `${content(data).length} bytes`,
        ),
      ],
    ),
    notes: [],
  };
}

function readEncryptionAlgorithm(tlv: Tlv): { summary: string; field: DecodedField } {
  const [oidTlv, params] = children(tlv);
  const oid = readOid(
    expect(oidTlv, TAG.OBJECT_IDENTIFIER, 'algorithm', tlv),
    'The encryption algorithm',
  );
  const info = oidInfo(oid);
  const nodes: DecodedField[] = [
    field(oidTlv!, 'algorithm', info.meaning, `${info.name} (${oid})`),
  ];
  if (oid !== PBES2 || !isUniversal(params, TAG.SEQUENCE)) {
    return {
      summary: info.name,
      field: field(tlv, 'encryptionAlgorithm', 'How the key was encrypted.', info.name, nodes),
    };
  }

  const [kdfTlv, schemeTlv] = children(params);
  const kdf = readKdf(expect(kdfTlv, TAG.SEQUENCE, 'keyDerivationFunc', params));
  const [schemeOidTlv] = children(expect(schemeTlv, TAG.SEQUENCE, 'encryptionScheme', params));
  const scheme = oidInfo(
    readOid(
      expect(schemeOidTlv, TAG.OBJECT_IDENTIFIER, 'encryptionScheme', schemeTlv!),
      'The cipher',
    ),
  );
  const summary = `PBES2: ${kdf.summary}; ${scheme.name}`;
  nodes.push(
    field(params, 'PBES2-params', 'The key derivation and the cipher.', undefined, [
      kdf.field,
      field(schemeTlv!, 'encryptionScheme', scheme.meaning, scheme.name),
    ]),
  );
  return {
    summary,
    field: field(tlv, 'encryptionAlgorithm', 'How the key was encrypted.', summary, nodes),
  };
}

function readKdf(tlv: Tlv): { summary: string; field: DecodedField } {
  const [oidTlv, params] = children(tlv);
  const oid = readOid(
    expect(oidTlv, TAG.OBJECT_IDENTIFIER, 'keyDerivationFunc', tlv),
    'The key derivation function',
  );
  const info = oidInfo(oid);
  if (oid !== PBKDF2 || !isUniversal(params, TAG.SEQUENCE)) {
    return { summary: info.name, field: field(tlv, 'keyDerivationFunc', info.meaning, info.name) };
  }

  const parts = children(params);
  const iterations = readInteger(
    expect(parts[1], TAG.INTEGER, 'iterationCount', params),
    'The iteration count',
  );
  const prfTlv = parts.find((p, i) => i >= 2 && isUniversal(p, TAG.SEQUENCE));
  const prf = prfTlv
    ? oidInfo(readOid(expect(children(prfTlv)[0], TAG.OBJECT_IDENTIFIER, 'prf', prfTlv), 'The PRF'))
        .name
    : 'hmacWithSHA1';
  const summary = `PBKDF2 with ${prf}, ${iterations.number ?? iterations.hex} iterations`;
  return {
    summary,
    field: field(tlv, 'keyDerivationFunc', info.meaning, summary, [
      field(
        parts[0]!,
        'salt',
        'Random bytes mixed with the password so equal passwords give different keys.',
        `${content(parts[0]!).length} bytes`,
      ),
      field(
        parts[1]!,
        'iterationCount',
        'How many times the hash runs: more makes guessing slower.',
        String(iterations.number),
      ),
      ...(prfTlv ? [field(prfTlv, 'prf', 'The hash function PBKDF2 repeats.', prf)] : []),
    ]),
  };
}
