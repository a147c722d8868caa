/**
 * Reading a PKCS #10 certification request (RFC 2986): the subject, the public key, the
 * extensions the requester asks for, and the signature that proves it holds the private key.
 */
import type { Bytes } from './crypto-port.ts';
import { TAG, children, encoded, expect, isContext, readWhole, type Tlv } from './der-reader.ts';
import { readBitString, readInteger, readOid } from './der-values.ts';
import { readAlgorithm, type AlgorithmIdentifier } from './algorithm-identifier.ts';
import { field, type DecodedField } from './decoded-field.ts';
import { readName, type DistinguishedName } from './distinguished-name.ts';
import { readExtensions, type Extensions } from './extensions.ts';
import { nameNotes, signatureNotes } from './field-notes.ts';
import { OID, oidInfo } from './object-identifier.ts';
import { readPublicKeyInfo, type PublicKeyInfo } from './public-key-info.ts';

export interface CertificationRequest {
  kind: 'certification-request';
  der: Bytes;
  /** The signed part, exactly as encoded. */
  certificationRequestInfo: Bytes;
  subject: DistinguishedName;
  publicKey: PublicKeyInfo;
  /** The extensions asked for in an extensionRequest attribute. */
  requestedExtensions: Extensions;
  /** The attribute types present, by name. */
  attributes: string[];
  signatureAlgorithm: AlgorithmIdentifier;
  signatureValue: Bytes;
  fields: DecodedField;
  notes: string[];
}

export function readCertificationRequest(der: Bytes): CertificationRequest {
  const root = readWhole(der, 'the outer SEQUENCE of the certification request');
  const [infoTlv, algorithmTlv, signatureTlv] = children(
    expect(root, TAG.SEQUENCE, 'CertificationRequest', root),
  );
  const info = readInfo(expect(infoTlv, TAG.SEQUENCE, 'certificationRequestInfo', root));
  const algorithm = readAlgorithm(
    expect(algorithmTlv, TAG.SEQUENCE, 'signatureAlgorithm', root),
    'signatureAlgorithm',
    'The algorithm the requester signed with.',
  );
  const signature = readBitString(
    expect(signatureTlv, TAG.BIT_STRING, 'signature', root),
    'signature',
  );

  const fields = field(
    root,
    'CertificationRequest',
    'A request for a certificate, signed with the private key it asks a CA to certify.',
    undefined,
    [
      info.field,
      algorithm.field,
      field(
        signatureTlv!,
        'signature',
        'Made with the requester’s private key: proof that it holds the key.',
        `${signature.bytes.length} bytes`,
      ),
    ],
  );

  return {
    kind: 'certification-request',
    der,
    certificationRequestInfo: encoded(infoTlv!),
    subject: info.subject,
    publicKey: info.publicKey,
    requestedExtensions: info.extensions,
    attributes: info.attributes,
    signatureAlgorithm: algorithm.algorithm,
    signatureValue: signature.bytes,
    fields,
    notes: [...nameNotes(info.subject, 'subject'), ...signatureNotes(algorithm.algorithm)],
  };
}

function readInfo(tlv: Tlv) {
  const [versionTlv, subjectTlv, keyTlv, attributesTlv] = children(
    tlv,
    'a field of certificationRequestInfo',
  );
  const version = readInteger(expect(versionTlv, TAG.INTEGER, 'version', tlv), 'The version');
  const subject = readName(expect(subjectTlv, TAG.SEQUENCE, 'subject', tlv), 'subject');
  const publicKey = readPublicKeyInfo(expect(keyTlv, TAG.SEQUENCE, 'subjectPKInfo', tlv));
  const nodes: DecodedField[] = [
    field(versionTlv!, 'version', 'Always 0 (v1) for PKCS #10.', String(version.number)),
    subject.field,
    {
      ...publicKey.field,
      name: 'subjectPKInfo',
      meaning: 'The public key the requester wants certified.',
    },
  ];

  let extensions: Extensions = { list: [] };
  const attributes: string[] = [];
  if (isContext(attributesTlv, 0)) {
    const attributeNodes: DecodedField[] = [];
    for (const attribute of children(attributesTlv, 'an Attribute')) {
      const [typeTlv, valuesTlv] = children(
        expect(attribute, TAG.SEQUENCE, 'Attribute', attributesTlv),
      );
      const oid = readOid(
        expect(typeTlv, TAG.OBJECT_IDENTIFIER, 'type', attribute),
        'The attribute type',
      );
      const about = oidInfo(oid);
      attributes.push(about.name);
      const values = children(expect(valuesTlv, TAG.SET, 'values', attribute));
      if (oid === OID.extensionRequest && values[0]) {
        const read = readExtensions(values[0], 'The extensions the requester asks for.');
        extensions = read.extensions;
        attributeNodes.push(field(attribute, about.name, about.meaning, undefined, [read.field]));
      } else {
        attributeNodes.push(field(attribute, about.name, about.meaning));
      }
    }
    nodes.push(
      field(
        attributesTlv,
        'attributes',
        'Extra information for the CA, such as requested extensions.',
        undefined,
        attributeNodes,
      ),
    );
  }

  return {
    subject: subject.name,
    publicKey: publicKey.key,
    extensions,
    attributes,
    field: field(
      tlv,
      'certificationRequestInfo',
      'The part the requester signs.',
      undefined,
      nodes,
    ),
  };
}
