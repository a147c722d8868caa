/**
 * A certificate as `openssl x509 -text` lays it out (OpenSSL 3's X509_print_ex, default
 * options): version, serial, algorithms, names, validity, the public key, extensions and the
 * signature. The values come from the course's decoder (src/core/pki), the same ones the
 * certificate inspector shows.
 */
import { fromHex, toColonHex } from '../../../pki/bytes.ts';
import type { Certificate } from '../../../pki/certificate.ts';
import { children, readWhole } from '../../../pki/der-reader.ts';
import { readInteger } from '../../../pki/der-values.ts';
import { onelineName, opensslDate } from './openssl-common.ts';

/** OpenSSL's titles for the extensions the course's certificates carry. */
const EXTENSION_TITLES: Record<string, string> = {
  basicConstraints: 'X509v3 Basic Constraints',
  keyUsage: 'X509v3 Key Usage',
  extKeyUsage: 'X509v3 Extended Key Usage',
  subjectKeyIdentifier: 'X509v3 Subject Key Identifier',
  authorityKeyIdentifier: 'X509v3 Authority Key Identifier',
  subjectAltName: 'X509v3 Subject Alternative Name',
};

const CURVE_OIDS: Record<string, string> = {
  'P-256': 'prime256v1',
  'P-384': 'secp384r1',
  'P-521': 'secp521r1',
};

export function x509Text(certificate: Certificate): string {
  const c = certificate;
  const lines = [
    'Certificate:',
    '    Data:',
    `        Version: ${c.version} (0x${(c.version - 1).toString(16)})`,
    ...serialLines(c.serialNumber),
    `        Signature Algorithm: ${c.signatureAlgorithm.name}`,
    `        Issuer: ${onelineName(c.issuer)}`,
    '        Validity',
    `            Not Before: ${opensslDate(c.validity.notBefore)}`,
    `            Not After : ${opensslDate(c.validity.notAfter)}`,
    `        Subject: ${onelineName(c.subject)}`,
    '        Subject Public Key Info:',
    ...publicKeyLines(c),
    ...extensionLines(c),
    `    Signature Algorithm: ${c.signatureAlgorithm.name}`,
    '    Signature Value:',
    ...hexBlock(c.signatureValue, '        ', 18),
  ];

  return `${lines.join('\n')}\n`;
}

/**
 * A serial of up to 8 bytes (one C long) prints as a number and its hex; a longer one as colon
 * hex on a line of its own, as X509_print_ex does.
 */
function serialLines(hex: string): string[] {
  if (hex.length <= 16) {
    const value = BigInt(`0x${hex || '0'}`);
    return [`        Serial Number: ${value} (0x${value.toString(16)})`];
  }
  return ['        Serial Number:', `            ${toColonHex(fromHex(hex)).toLowerCase()}`];
}

function publicKeyLines(c: Certificate): string[] {
  const key = c.publicKey;
  const indent = '                ';
  const head = `            Public Key Algorithm: ${key.algorithm.name}`;

  if (key.type === 'RSA') {
    const [modulus, exponent] = children(readWhole(key.subjectPublicKey, 'the RSA public key'));
    const n = readInteger(modulus!, 'The modulus');
    const e = readInteger(exponent!, 'The exponent');
    const withSign = n.magnitude[0]! >= 0x80 ? new Uint8Array([0, ...n.magnitude]) : n.magnitude;
    return [
      head,
      `${indent}Public-Key: (${key.bits} bit)`,
      `${indent}Modulus:`,
      ...hexBlock(withSign, `${indent}    `, 15),
      `${indent}Exponent: ${e.number} (0x${e.hex.replace(/^0+/, '')})`,
    ];
  }

  if (key.type === 'EC') {
    return [
      head,
      `${indent}Public-Key: (${key.bits} bit)`,
      `${indent}pub:`,
      ...hexBlock(key.subjectPublicKey, `${indent}    `, 15),
      `${indent}ASN1 OID: ${CURVE_OIDS[key.curve ?? ''] ?? key.curve}`,
      `${indent}NIST CURVE: ${key.curve}`,
    ];
  }

  return [head, `${indent}${key.description}`];
}

function extensionLines(c: Certificate): string[] {
  if (c.extensions.list.length === 0) return [];

  return [
    '        X509v3 extensions:',
    // OpenSSL leaves a space after the colon even when "critical" does not follow.
    ...c.extensions.list.flatMap((e) => [
      `            ${EXTENSION_TITLES[e.name] ?? e.name}: ${e.critical ? 'critical' : ''}`,
      `                ${extensionValue(c, e.name) ?? e.value}`,
    ]),
  ];
}

/** OpenSSL's words for key usages and extended key usages (v3_bitst.c, objects.txt). */
const USAGE_WORDS: Record<string, string> = {
  digitalSignature: 'Digital Signature',
  nonRepudiation: 'Non Repudiation',
  contentCommitment: 'Non Repudiation',
  keyEncipherment: 'Key Encipherment',
  dataEncipherment: 'Data Encipherment',
  keyAgreement: 'Key Agreement',
  keyCertSign: 'Certificate Sign',
  cRLSign: 'CRL Sign',
  encipherOnly: 'Encipher Only',
  decipherOnly: 'Decipher Only',
  serverAuth: 'TLS Web Server Authentication',
  clientAuth: 'TLS Web Client Authentication',
};

/** The value in OpenSSL's words where they differ from the decoder's; undefined keeps its. */
function extensionValue(c: Certificate, name: string): string | undefined {
  const words = (list: readonly string[]) => list.map((u) => USAGE_WORDS[u] ?? u).join(', ');
  if (name === 'keyUsage' && c.extensions.keyUsage) return words(c.extensions.keyUsage);
  if (name === 'extKeyUsage' && c.extensions.extKeyUsage) return words(c.extensions.extKeyUsage);
  return undefined;
}

/** Bytes as lowercase colon hex, `perLine` bytes to a line, each line but the last ending ':'. */
function hexBlock(bytes: Uint8Array, indent: string, perLine: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += perLine) {
    const part = toColonHex(bytes.slice(i, i + perLine)).toLowerCase();
    lines.push(`${indent}${part}${i + perLine < bytes.length ? ':' : ''}`);
  }
  return lines;
}
