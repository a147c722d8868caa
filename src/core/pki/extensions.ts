/**
 * Certificate extensions (RFC 5280 §4.2): the list, and the values of the ones a device
 * certificate's verifier reads: basicConstraints, keyUsage, extKeyUsage, subjectAltName and the
 * key identifiers.
 */
import { toColonHex, toHex } from './bytes.ts';
import {
  TAG,
  children,
  content,
  expect,
  isContext,
  isUniversal,
  readTlv,
  type Tlv,
} from './der-reader.ts';
import { readBitString, readBoolean, readInteger, readOid, setBits } from './der-values.ts';
import { field, type DecodedField } from './decoded-field.ts';
import {
  GENERAL_NAME_FIELDS,
  GENERAL_NAME_LABELS,
  GENERAL_NAME_MEANINGS,
  readGeneralName,
  type GeneralNameValue,
} from './general-name.ts';
import { OID, oidInfo } from './object-identifier.ts';
import { PkiDecodeError, decodeError } from './pki-problem.ts';

/** keyUsage bits in RFC 5280 §4.2.1.3 order: bit 0 is digitalSignature. */
export const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

export type KeyUsageName = (typeof KEY_USAGES)[number];

export interface ExtensionEntry {
  oid: string;
  /** RFC 5280 name, e.g. `basicConstraints`. */
  name: string;
  critical: boolean;
  /** The value in readable form, e.g. `CA:TRUE, pathLenConstraint:0`. */
  value: string;
}

export interface Extensions {
  list: ExtensionEntry[];
  basicConstraints?: { cA: boolean; pathLenConstraint?: number };
  keyUsage?: KeyUsageName[];
  /** Names such as `clientAuth`, or the dotted OID when it has no name here. */
  extKeyUsage?: string[];
  subjectAltName?: GeneralNameValue[];
  /** Lowercase hex. */
  subjectKeyIdentifier?: string;
  /** The keyIdentifier of authorityKeyIdentifier, lowercase hex. */
  authorityKeyIdentifier?: string;
}

/** Reads `Extensions ::= SEQUENCE OF Extension`. */
export function readExtensions(
  tlv: Tlv,
  meaning: string,
): { extensions: Extensions; field: DecodedField } {
  expect(tlv, TAG.SEQUENCE, 'extensions', tlv);
  const extensions: Extensions = { list: [] };
  const nodes: DecodedField[] = [];

  for (const extension of children(tlv, 'an Extension')) {
    const parts = children(expect(extension, TAG.SEQUENCE, 'Extension', tlv));
    const oid = readOid(expect(parts[0], TAG.OBJECT_IDENTIFIER, 'extnID', extension), 'extnID');
    const info = oidInfo(oid);
    const hasCritical = isUniversal(parts[1], TAG.BOOLEAN);
    const critical = hasCritical
      ? readBoolean(parts[1]!, `The critical flag of ${info.name}`)
      : false;
    const valueTlv = expect(
      parts[hasCritical ? 2 : 1],
      TAG.OCTET_STRING,
      `extnValue of ${info.name}`,
      extension,
    );

    const read = readExtensionValue(oid, valueTlv, extensions);
    extensions.list.push({ oid, name: info.name, critical, value: read.value });

    const parts_: DecodedField[] = [
      field(parts[0]!, 'extnID', info.meaning, `${info.name} (${oid})`),
    ];
    if (hasCritical) {
      parts_.push(
        field(
          parts[1]!,
          'critical',
          'A verifier that does not understand a critical extension must reject the certificate.',
          String(critical),
        ),
      );
    }
    parts_.push(
      field(
        valueTlv,
        'extnValue',
        'The extension’s value, DER inside an OCTET STRING.',
        read.value,
        read.fields,
      ),
    );
    nodes.push(
      field(
        extension,
        info.name,
        info.meaning,
        `${critical ? 'critical: ' : ''}${read.value}`,
        parts_,
      ),
    );
  }

  return {
    extensions,
    field: field(tlv, 'extensions', meaning, `${extensions.list.length} extensions`, nodes),
  };
}

type ValueRead = { value: string; fields: DecodedField[] };

function readExtensionValue(oid: string, octets: Tlv, into: Extensions): ValueRead {
  const name = oidInfo(oid).name;
  try {
    const start = octets.offset + octets.headerLength;
    const inner = readTlv(octets.source, start, octets.end, `the value of ${name}`);
    if (inner.end !== octets.end) throw new Error('extra bytes after the value');

    switch (oid) {
      case OID.basicConstraints:
        return basicConstraints(inner, into);
      case OID.keyUsage:
        return keyUsage(inner, into);
      case OID.extKeyUsage:
        return extKeyUsage(inner, into);
      case OID.subjectAltName:
        return subjectAltName(inner, into);
      case OID.subjectKeyIdentifier: {
        const id = content(expect(inner, TAG.OCTET_STRING, 'subjectKeyIdentifier', octets));
        into.subjectKeyIdentifier = toHex(id);
        return { value: toColonHex(id), fields: [] };
      }
      case OID.authorityKeyIdentifier:
        return authorityKeyIdentifier(inner, into);
      default:
        return { value: `${content(octets).length} bytes`, fields: [] };
    }
  } catch (error) {
    const reason =
      error instanceof PkiDecodeError ? error.problem.message : (error as Error).message;
    throw decodeError('invalid-extension', `The ${name} extension does not parse: ${reason}`, {
      offset: octets.offset,
    });
  }
}

function basicConstraints(tlv: Tlv, into: Extensions): ValueRead {
  const parts = children(expect(tlv, TAG.SEQUENCE, 'BasicConstraints', tlv));
  let cA = false;
  let pathLenConstraint: number | undefined;
  const fields: DecodedField[] = [];
  for (const part of parts) {
    if (isUniversal(part, TAG.BOOLEAN)) {
      cA = readBoolean(part, 'cA');
      fields.push(
        field(
          part,
          'cA',
          'TRUE when this certificate belongs to a CA that may sign certificates.',
          String(cA),
        ),
      );
    } else if (isUniversal(part, TAG.INTEGER)) {
      pathLenConstraint = readInteger(part, 'pathLenConstraint').number;
      fields.push(
        field(
          part,
          'pathLenConstraint',
          'How many intermediate CAs may follow this CA in a chain.',
          String(pathLenConstraint),
        ),
      );
    }
  }
  into.basicConstraints = pathLenConstraint === undefined ? { cA } : { cA, pathLenConstraint };
  const value = `CA:${cA ? 'TRUE' : 'FALSE'}${pathLenConstraint === undefined ? '' : `, pathlen:${pathLenConstraint}`}`;
  return {
    value,
    fields: [field(tlv, 'BasicConstraints', 'Whether the subject is a CA.', value, fields)],
  };
}

function keyUsage(tlv: Tlv, into: Extensions): ValueRead {
  const bits = setBits(readBitString(expect(tlv, TAG.BIT_STRING, 'KeyUsage', tlv), 'KeyUsage'));
  const usages = bits.map((bit) => KEY_USAGES[bit] ?? `bit ${bit}`) as KeyUsageName[];
  into.keyUsage = usages;
  const value = usages.join(', ');
  return { value, fields: [field(tlv, 'KeyUsage', 'One bit per thing the key may do.', value)] };
}

function extKeyUsage(tlv: Tlv, into: Extensions): ValueRead {
  const purposes = children(expect(tlv, TAG.SEQUENCE, 'ExtKeyUsageSyntax', tlv)).map((part) => {
    const oid = readOid(expect(part, TAG.OBJECT_IDENTIFIER, 'KeyPurposeId', tlv), 'KeyPurposeId');
    const info = oidInfo(oid);
    return { part, oid, name: info.name, meaning: info.meaning };
  });
  into.extKeyUsage = purposes.map((p) => p.name);
  const value = purposes.map((p) => p.name).join(', ');
  const fields = purposes.map((p) =>
    field(p.part, 'KeyPurposeId', p.meaning, `${p.name} (${p.oid})`),
  );
  return {
    value,
    fields: [field(tlv, 'ExtKeyUsageSyntax', 'The purposes the key may serve.', value, fields)],
  };
}

function subjectAltName(tlv: Tlv, into: Extensions): ValueRead {
  const names = children(expect(tlv, TAG.SEQUENCE, 'GeneralNames', tlv)).map((part) => ({
    part,
    name: readGeneralName(part),
  }));
  into.subjectAltName = names.map((n) => n.name);
  const value = names.map((n) => `${GENERAL_NAME_LABELS[n.name.type]}:${n.name.value}`).join(', ');
  const fields = names.map((n) =>
    field(
      n.part,
      GENERAL_NAME_FIELDS[n.name.type],
      GENERAL_NAME_MEANINGS[n.name.type],
      n.name.value,
    ),
  );
  return {
    value,
    fields: [field(tlv, 'GeneralNames', 'The other names of the subject.', value, fields)],
  };
}

function authorityKeyIdentifier(tlv: Tlv, into: Extensions): ValueRead {
  const fields: DecodedField[] = [];
  let value = '';
  for (const part of children(expect(tlv, TAG.SEQUENCE, 'AuthorityKeyIdentifier', tlv))) {
    if (isContext(part, 0)) {
      into.authorityKeyIdentifier = toHex(content(part));
      value = toColonHex(content(part));
      fields.push(
        field(
          part,
          'keyIdentifier',
          'The subjectKeyIdentifier of the issuing CA’s certificate.',
          value,
        ),
      );
    } else if (isContext(part, 1)) {
      fields.push(field(part, 'authorityCertIssuer', 'The name of the issuer’s issuer.'));
    } else if (isContext(part, 2)) {
      fields.push(
        field(
          part,
          'authorityCertSerialNumber',
          'The serial number of the issuer’s certificate.',
          toColonHex(content(part)),
        ),
      );
    }
  }
  return {
    value,
    fields: [field(tlv, 'AuthorityKeyIdentifier', 'Which CA key signed this.', value, fields)],
  };
}
