/**
 * Words for decoded PKI objects: a summary of each, its field tree as text, and a JSON form
 * that carries no raw bytes. Shared by `handshake cert inspect` and `cert verify`.
 */
import { fromHex, toColonHex } from '../pki/bytes.ts';
import type { CryptoPort } from '../pki/crypto-port.ts';
import type { DecodedBlock, DecodedObject } from '../pki/decode.ts';
import type { DecodedField } from '../pki/decoded-field.ts';
import { fingerprints, type Fingerprints } from '../pki/fingerprint.ts';
import { STAGE_TITLES } from '../pki/pki-problem.ts';

const KIND_TITLES: Record<DecodedObject['kind'], string> = {
  certificate: 'Certificate',
  'certification-request': 'Certificate signing request (PKCS #10)',
  'public-key': 'Public key',
  'private-key': 'Private key',
  'encrypted-private-key': 'Encrypted private key (PKCS #8)',
  'ec-parameters': 'EC parameters',
};

const FORMAT_TITLES = {
  pkcs8: 'PKCS #8',
  pkcs1: 'PKCS #1',
  sec1: 'SEC1',
  spki: 'SubjectPublicKeyInfo',
};

/** Label and value pairs, in the order a learner reads them. */
export type Summary = [label: string, value: string][];

export async function summarize(
  crypto: CryptoPort,
  object: DecodedObject,
): Promise<{ summary: Summary; prints?: Fingerprints }> {
  switch (object.kind) {
    case 'certificate': {
      const prints = await fingerprints(crypto, object.der);
      const extensions = object.extensions.list.map(
        (e) => `${e.name}${e.critical ? ' (critical)' : ''}: ${e.value}`,
      );
      const summary: Summary = [
        ['Subject', object.subject.text],
        ['Issuer', object.issuer.text],
        ['Serial number', toColonHex(fromHex(object.serialNumber))],
        ['Valid from', iso(object.validity.notBefore)],
        ['Valid until', iso(object.validity.notAfter)],
        ['Public key', object.publicKey.description],
        ['Signature', object.signatureAlgorithm.name],
        ...extensions.map((e, i): [string, string] => [i === 0 ? 'Extensions' : '', e]),
        ['Certificate ID', `${prints.certificateId} (AWS IoT)`],
        ['SHA-256', prints.sha256],
        ['SHA-1', prints.sha1],
      ];
      return { summary, prints };
    }
    case 'certification-request': {
      const requested = object.requestedExtensions.list.map((e) => `${e.name}: ${e.value}`);
      return {
        summary: [
          ['Subject', object.subject.text],
          ['Public key', object.publicKey.description],
          ['Signature', object.signatureAlgorithm.name],
          ...requested.map((e, i): [string, string] => [i === 0 ? 'Requests' : '', e]),
        ],
      };
    }
    case 'public-key':
    case 'private-key':
      return {
        summary: [
          ['Key', object.description],
          ['Format', FORMAT_TITLES[object.format]],
        ],
      };
    case 'encrypted-private-key': {
      const summary: Summary = [['Encryption', object.encryption]];
      if (object.decrypted)
        summary.push(['Key inside', `${object.decrypted.description} (${FORMAT_TITLES.pkcs8})`]);
      return { summary };
    }
    case 'ec-parameters':
      return { summary: [['Curve', object.curve]] };
  }
}

export function kindTitle(object: DecodedObject): string {
  return KIND_TITLES[object.kind];
}

export function sourceText(block: DecodedBlock): string {
  const { source } = block;
  return source.format === 'der' ? 'DER' : `PEM block "${source.label}" on line ${source.line}`;
}

export function summaryLines(summary: Summary, indent: string): string[] {
  const width = Math.max(...summary.map(([label]) => label.length)) + 2;
  return summary.map(([label, value]) => `${indent}${label.padEnd(width)}${value}`);
}

/** The field tree, one line each: offset, length, then the name and value, indented by depth. */
export function fieldLines(root: DecodedField, indent: string, explain: boolean): string[] {
  const lines: string[] = [];
  const walk = (node: DecodedField, depth: number) => {
    const value = node.value === undefined ? '' : ` = ${node.value}`;
    const meaning = explain ? `  — ${node.meaning}` : '';
    const place = `${String(node.offset).padStart(5)} ${String(node.length).padStart(5)}`;
    lines.push(
      `${indent}${place}  ${'  '.repeat(depth)}${node.name} ${node.type}${value}${meaning}`,
    );
    for (const child of node.children ?? []) walk(child, depth + 1);
  };
  walk(root, 0);
  return lines;
}

export function rejectionLines(
  block: Extract<DecodedBlock, { status: 'rejected' }>,
  indent: string,
): string[] {
  const { problem } = block;
  const where = [
    problem.line === undefined
      ? ''
      : `line ${problem.line}${problem.column === undefined ? '' : `, column ${problem.column}`}`,
    problem.offset === undefined ? '' : `byte offset ${problem.offset}`,
  ].filter(Boolean);
  return [
    `${indent}Stage     ${STAGE_TITLES[problem.stage]}`,
    `${indent}Problem   ${problem.title} (${problem.code}; ${problem.rule})`,
    ...(where.length ? [`${indent}Where     ${where.join(', ')}`] : []),
    `${indent}${problem.message}`,
  ];
}

const iso = (date: Date) => date.toISOString().replace('.000', '');

/** A decoded object as JSON: the summary values, notes and the field tree, without raw bytes. */
export function objectJson(
  object: DecodedObject,
  prints: Fingerprints | undefined,
): Record<string, unknown> {
  const common = { kind: object.kind, notes: object.notes, fields: object.fields };
  switch (object.kind) {
    case 'certificate':
      return {
        ...common,
        subject: object.subject.text,
        issuer: object.issuer.text,
        serialNumber: toColonHex(fromHex(object.serialNumber)),
        notBefore: iso(object.validity.notBefore),
        notAfter: iso(object.validity.notAfter),
        publicKey: object.publicKey.description,
        signatureAlgorithm: object.signatureAlgorithm.name,
        extensions: object.extensions.list,
        ...prints,
      };
    case 'certification-request':
      return {
        ...common,
        subject: object.subject.text,
        publicKey: object.publicKey.description,
        signatureAlgorithm: object.signatureAlgorithm.name,
        requestedExtensions: object.requestedExtensions.list,
      };
    case 'public-key':
    case 'private-key':
      return { ...common, format: object.format, key: object.description };
    case 'encrypted-private-key':
      return {
        ...common,
        encryption: object.encryption,
        ...(object.decrypted ? { decrypted: objectJson(object.decrypted, undefined) } : {}),
      };
    case 'ec-parameters':
      return { ...common, curve: object.curve };
  }
}
