/**
 * Reading an X.509 certificate (RFC 5280 §4.1) into its fields, with a tree for the inspector
 * and typed values for chain verification.
 */
import { toColonHex } from './bytes.ts';
import type { Bytes } from './crypto-port.ts';
import {
  TAG,
  children,
  encoded,
  expect,
  isContext,
  readTlv,
  readWhole,
  required,
  type Tlv,
} from './der-reader.ts';
import { readBitString, readInteger, readTime, type TimeType } from './der-values.ts';
import { readAlgorithm, type AlgorithmIdentifier } from './algorithm-identifier.ts';
import { field, type DecodedField } from './decoded-field.ts';
import { readName, sameName, type DistinguishedName } from './distinguished-name.ts';
import { readExtensions, type Extensions } from './extensions.ts';
import { decodeError } from './pki-problem.ts';
import { readPublicKeyInfo, type PublicKeyInfo } from './public-key-info.ts';
import { nameNotes, signatureNotes } from './field-notes.ts';

export interface Validity {
  notBefore: Date;
  notAfter: Date;
  notBeforeType: TimeType;
  notAfterType: TimeType;
}

export interface Certificate {
  kind: 'certificate';
  der: Bytes;
  /** The signed part, exactly as encoded. */
  tbs: Bytes;
  /** 1, 2 or 3 (the encoded value plus one). */
  version: number;
  /** Lowercase hex of the serial number's value, without a 0x00 sign byte. */
  serialNumber: string;
  signatureAlgorithm: AlgorithmIdentifier;
  issuer: DistinguishedName;
  subject: DistinguishedName;
  validity: Validity;
  publicKey: PublicKeyInfo;
  extensions: Extensions;
  signatureValue: Bytes;
  /** Subject and issuer are the same name: a root, or a CA that renewed its own key. */
  selfIssued: boolean;
  fields: DecodedField;
  /** Things worth knowing that do not stop the certificate from being read. */
  notes: string[];
}

export function readCertificate(der: Bytes): Certificate {
  const root = readWhole(der, 'the outer SEQUENCE of the certificate');
  const [tbsTlv, algorithmTlv, signatureTlv] = children(
    expect(root, TAG.SEQUENCE, 'Certificate', root),
  );
  expect(tbsTlv, TAG.SEQUENCE, 'tbsCertificate', root);
  const outerAlgorithm = readAlgorithm(
    expect(algorithmTlv, TAG.SEQUENCE, 'signatureAlgorithm', root),
    'signatureAlgorithm',
    'The algorithm the issuer used to sign; it must repeat the one inside tbsCertificate.',
  );
  const signature = readBitString(
    expect(signatureTlv, TAG.BIT_STRING, 'signatureValue', root),
    'signatureValue',
  );
  const tbs = readTbsCertificate(tbsTlv!);

  const notes = [...tbs.notes, ...signatureNotes(outerAlgorithm.algorithm)];
  if (tbs.signature.oid !== outerAlgorithm.algorithm.oid) {
    notes.push(
      `The signature algorithm inside tbsCertificate (${tbs.signature.name}) differs from the outer ` +
        `one (${outerAlgorithm.algorithm.name}); RFC 5280 §4.1.1.2 requires them to be equal.`,
    );
  }

  const fields = field(
    root,
    'Certificate',
    'An X.509 certificate: signed data, the signing algorithm, and the signature.',
    undefined,
    [
      tbs.field,
      outerAlgorithm.field,
      field(
        signatureTlv!,
        'signatureValue',
        'The issuer’s signature over the DER bytes of tbsCertificate.',
        `${signature.bytes.length} bytes`,
      ),
    ],
  );

  return {
    kind: 'certificate',
    der,
    tbs: encoded(tbsTlv!),
    version: tbs.version,
    serialNumber: tbs.serialNumber,
    signatureAlgorithm: outerAlgorithm.algorithm,
    issuer: tbs.issuer,
    subject: tbs.subject,
    validity: tbs.validity,
    publicKey: tbs.publicKey,
    extensions: tbs.extensions,
    signatureValue: signature.bytes,
    selfIssued: sameName(tbs.issuer, tbs.subject),
    fields,
    notes,
  };
}

function readTbsCertificate(tbs: Tlv) {
  const parts = children(tbs, 'a field of tbsCertificate');
  const nodes: DecodedField[] = [];
  const notes: string[] = [];
  let index = 0;

  let version = 1;
  if (isContext(parts[0], 0)) {
    const wrapper = parts[index++]!;
    const inner = readTlv(
      wrapper.source,
      wrapper.offset + wrapper.headerLength,
      wrapper.end,
      'the version',
    );
    const value =
      readInteger(expect(inner, TAG.INTEGER, 'version', wrapper), 'The version').number ?? -1;
    if (value < 0 || value > 2) {
      throw decodeError(
        'invalid-version',
        `The version is ${value}, but only 0, 1 and 2 (v1 to v3) exist.`,
        {
          offset: inner.offset,
        },
      );
    }
    version = value + 1;
    nodes.push(
      field(
        wrapper,
        'version',
        'The X.509 version; v3 is the one that has extensions.',
        `v${version} (${value})`,
      ),
    );
  }

  const serialTlv = expect(parts[index++], TAG.INTEGER, 'serialNumber', tbs);
  const serial = readInteger(serialTlv, 'The serial number');
  if (serial.negative || /^0*$/.test(serial.hex)) {
    notes.push(
      'The serial number is zero or negative; RFC 5280 §4.1.2.2 requires a positive number.',
    );
  }
  if (serial.magnitude.length > 20) {
    notes.push(
      `The serial number has ${serial.magnitude.length} bytes; RFC 5280 §4.1.2.2 allows at most 20.`,
    );
  }
  nodes.push(
    field(
      serialTlv,
      'serialNumber',
      'A number the CA gives each certificate it issues, unique for that CA.',
      toColonHex(serial.magnitude),
    ),
  );

  const signature = readAlgorithm(
    expect(parts[index++], TAG.SEQUENCE, 'signature', tbs),
    'signature',
    'The algorithm the issuer signs with, repeated inside the signed part.',
  );
  nodes.push(signature.field);

  const issuer = readName(expect(parts[index++], TAG.SEQUENCE, 'issuer', tbs), 'issuer');
  nodes.push(issuer.field);

  const validityTlv = expect(parts[index++], TAG.SEQUENCE, 'validity', tbs);
  const validity = readValidity(validityTlv);
  nodes.push(validity.field);

  const subject = readName(expect(parts[index++], TAG.SEQUENCE, 'subject', tbs), 'subject');
  nodes.push(subject.field);
  notes.push(...nameNotes(subject.name, 'subject'), ...nameNotes(issuer.name, 'issuer'));

  const publicKey = readPublicKeyInfo(
    expect(parts[index++], TAG.SEQUENCE, 'subjectPublicKeyInfo', tbs),
  );
  nodes.push(publicKey.field);

  let extensions: Extensions = { list: [] };
  for (const part of parts.slice(index)) {
    if (isContext(part, 1) || isContext(part, 2)) {
      const name = part.tagNumber === 1 ? 'issuerUniqueID' : 'subjectUniqueID';
      nodes.push(
        field(
          part,
          name,
          'An old way to tell apart subjects with the same name; RFC 5280 CAs do not use it.',
        ),
      );
    } else if (isContext(part, 3)) {
      const inner = readTlv(
        part.source,
        part.offset + part.headerLength,
        part.end,
        'the extensions',
      );
      const read = readExtensions(
        inner,
        'Extra facts about the key and its use, each marked critical or not.',
      );
      extensions = read.extensions;
      nodes.push(
        field(part, 'extensions', 'The v3 extensions, inside an explicit [3] tag.', undefined, [
          read.field,
        ]),
      );
      if (version !== 3)
        notes.push(
          `The certificate has extensions but says it is v${version}; extensions need v3.`,
        );
    } else {
      throw decodeError(
        'unexpected-element',
        `tbsCertificate has an unexpected element at offset ${part.offset}.`,
        {
          offset: part.offset,
        },
      );
    }
  }

  return {
    version,
    serialNumber: serial.hex,
    signature: signature.algorithm,
    issuer: issuer.name,
    subject: subject.name,
    validity: validity.validity,
    publicKey: publicKey.key,
    extensions,
    notes,
    field: field(
      tbs,
      'tbsCertificate',
      'The part the issuer signs: every field the certificate vouches for.',
      undefined,
      nodes,
    ),
  };
}

function readValidity(tlv: Tlv): { validity: Validity; field: DecodedField } {
  const [beforeTlv, afterTlv] = children(tlv, 'a validity time');
  const notBefore = readTime(required(beforeTlv, 'notBefore', tlv), 'notBefore');
  const notAfter = readTime(required(afterTlv, 'notAfter', tlv), 'notAfter');
  const show = (t: { date: Date; type: string }) =>
    `${t.date.toISOString().replace('.000', '')} (${t.type})`;
  const nodes = [
    field(
      beforeTlv!,
      'notBefore',
      'The certificate is not valid before this time.',
      show(notBefore),
    ),
    field(
      afterTlv!,
      'notAfter',
      'The certificate is not valid after this time; dates from 2050 on are GeneralizedTime.',
      show(notAfter),
    ),
  ];
  const validity: Validity = {
    notBefore: notBefore.date,
    notAfter: notAfter.date,
    notBeforeType: notBefore.type,
    notAfterType: notAfter.type,
  };
  return {
    validity,
    field: field(
      tlv,
      'validity',
      'The period in which the certificate may be trusted.',
      undefined,
      nodes,
    ),
  };
}
