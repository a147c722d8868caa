import { beforeAll, describe, expect, it } from 'vitest';
import {
  createRootCa,
  decodeSync,
  encodePem,
  STAGE_TITLES,
  type DecodedBlock,
  type PkiStage,
} from '../../../src/core/pki/index.ts';
import { crypto } from './support.ts';

let pem: string;
let otherPem: string;
let lines: string[];

beforeAll(async () => {
  const ca = await createRootCa(crypto, { subject: { CN: 'PEM Test CA', O: 'Handshake Lab' } });
  const other = await createRootCa(crypto, { subject: { CN: 'Other CA' } });
  pem = ca.issued.pem;
  otherPem = other.issued.pem;
  lines = pem.trimEnd().split('\n');
});

const decodedKinds = (blocks: DecodedBlock[]) =>
  blocks.map((b) => (b.status === 'decoded' ? b.object.kind : `rejected:${b.problem.stage}`));

function rejection(text: string) {
  const { blocks } = decodeSync(text);
  expect(blocks).toHaveLength(1);
  const block = blocks[0]!;
  if (block.status !== 'rejected')
    throw new Error(`expected a rejection, got ${block.object.kind}`);
  return block.problem;
}

describe('PEM that a learner may paste, accepted', () => {
  const accepted: [string, (pem: string) => string][] = [
    ['with CRLF line ends', (p) => p.replace(/\n/g, '\r\n')],
    ['without a final newline', (p) => p.trimEnd()],
    ['after blank lines', (p) => `\n\n  \n${p}`],
    [
      'with the whole base64 on one line',
      () => `${lines[0]}\n${lines.slice(1, -1).join('')}\n${lines.at(-1)}\n`,
    ],
    [
      'with text around the block, as openssl -text writes it',
      (p) => `Certificate:\n    Data: ...\n${p}trailing words\n`,
    ],
  ];

  it.each(accepted)('a certificate %s decodes', (_, edit) => {
    const result = decodeSync(edit(pem));
    expect(decodedKinds(result.blocks)).toEqual(['certificate']);
    expect(result.problem).toBeUndefined();
  });

  it('two certificates in one input are both listed, in order, with their lines', () => {
    const { blocks } = decodeSync(`${pem}${otherPem}`);
    expect(decodedKinds(blocks)).toEqual(['certificate', 'certificate']);
    const subjects = blocks.map((b) =>
      b.status === 'decoded' && b.object.kind === 'certificate' ? b.object.subject.text : '',
    );
    expect(subjects).toEqual(['CN=PEM Test CA,O=Handshake Lab', 'CN=Other CA']);
    expect(blocks.map((b) => b.source.line)).toEqual([1, lines.length + 1]);
    expect(blocks.map((b) => b.source.index)).toEqual([1, 2]);
  });

  it('PEM written here has 64-character lines and a final newline', () => {
    const body = pem.trimEnd().split('\n').slice(1, -1);
    expect(body.slice(0, -1).every((l) => l.length === 64)).toBe(true);
    expect(pem.endsWith('-----END CERTIFICATE-----\n')).toBe(true);
    expect(encodePem('CERTIFICATE', new Uint8Array([0x30, 0]))).toBe(
      '-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n',
    );
  });
});

describe('PEM rejected, naming the stage that failed', () => {
  it('boundaries with four dashes: "no PEM block found", at the boundary stage, naming the line', () => {
    const result = decodeSync(pem.replace(/-----/g, '----'));
    expect(result.blocks).toEqual([]);
    expect(result.problem?.stage).toBe<PkiStage>('boundary');
    expect(result.problem?.code).toBe('no-pem-block');
    expect(result.problem?.message).toMatch(/^No PEM block found\./);
    expect(result.problem?.message).toContain('Line 1 reads "----BEGIN CERTIFICATE----"');
    expect(result.problem?.message).toContain('4 dashes');
    expect(result.problem?.line).toBe(1);
  });

  it('text with no block at all: "no PEM block found"', () => {
    const result = decodeSync('hello, this is not a certificate');
    expect(result.problem?.stage).toBe('boundary');
    expect(result.problem?.message).toMatch(/^No PEM block found/);
  });

  it('a block with one body line removed is truncated, naming the declared and available length', () => {
    const problem = rejection([...lines.slice(0, 3), ...lines.slice(4)].join('\n'));
    expect(problem.stage).toBe<PkiStage>('der-length');
    expect(problem.code).toBe('truncated');
    // 64 base64 characters are 48 bytes.
    expect(problem.available).toBe(problem.declared! - 48);
    expect(problem.message).toContain(
      `declares ${problem.declared} bytes of content, but only ${problem.available} are available`,
    );
    expect(problem.message).toContain('a line of its base64 may be missing');
  });

  it('MIIBAA== is a SEQUENCE that declares 256 bytes and has none: truncated', () => {
    const problem = rejection('-----BEGIN CERTIFICATE-----\nMIIBAA==\n-----END CERTIFICATE-----\n');
    expect(problem.stage).toBe<PkiStage>('der-length');
    expect(problem.code).toBe('truncated');
    expect([problem.declared, problem.available]).toEqual([256, 0]);
    expect(problem.message).toMatch(
      /^The outer SEQUENCE of the certificate at offset 0 declares 256 bytes of content, but only 0 are available\./,
    );
  });

  it('a * inside the base64 is rejected with its line and column', () => {
    const edited = [...lines];
    edited[4] = `${edited[4]!.slice(0, 10)}*${edited[4]!.slice(11)}`;
    const problem = rejection(edited.join('\n'));
    expect(problem.stage).toBe<PkiStage>('base64');
    expect(problem.code).toBe('base64-character');
    expect([problem.line, problem.column]).toEqual([5, 11]);
    expect(problem.message).toMatch(/^Line 5, column 11 has '\*', which is not a base64 character/);
  });

  it('BEGIN and END labels that differ are reported with both labels and lines', () => {
    const problem = rejection(pem.replace('END CERTIFICATE', 'END PRIVATE KEY'));
    expect(problem.stage).toBe<PkiStage>('boundary');
    expect(problem.code).toBe('label-mismatch');
    expect(problem.message).toBe(
      `The block opened on line 1 with BEGIN CERTIFICATE is closed on line ${lines.length} with END PRIVATE KEY. ` +
        'The labels must be the same; two blocks may have been cut and joined.',
    );
  });

  it('a BEGIN line without an END line is a boundary problem', () => {
    const problem = rejection(lines.slice(0, -1).join('\n'));
    expect(problem.stage).toBe('boundary');
    expect(problem.code).toBe('missing-end');
  });

  it('a well-formed DER element of the wrong shape fails at the ASN.1 structure stage', () => {
    // SEQUENCE { INTEGER 1 }: DER is fine, but a certificate starts with a SEQUENCE.
    const problem = rejection('-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n');
    expect(problem.stage).toBe<PkiStage>('asn1-structure');
    expect(problem.message).toBe(
      'tbsCertificate should be a SEQUENCE, but offset 2 holds an INTEGER.',
    );
  });

  it('a field whose value breaks X.509 rules fails at the X.509 field stage', async () => {
    // Replace the notBefore UTCTime digits with letters: the structure holds, the field does not.
    const { blocks } = decodeSync(pem);
    if (blocks[0]?.status !== 'decoded' || blocks[0].object.kind !== 'certificate')
      throw new Error('no certificate');
    const der = new Uint8Array(blocks[0].object.der);
    const notBefore = findTime(der);
    der.set([0x58, 0x58], notBefore + 2);
    const problem = rejection(encodePem('CERTIFICATE', der));
    expect(problem.stage).toBe<PkiStage>('x509-field');
    expect(problem.code).toBe('invalid-time');
    expect(problem.message).toMatch(
      /^notBefore is the UTCTime "XX\d{10}Z", which is not of the form YYMMDDHHMMSSZ/,
    );
  });

  it('every stage has a title a learner reads', () => {
    expect(STAGE_TITLES).toEqual({
      boundary: 'PEM boundary',
      base64: 'base64',
      'der-length': 'DER length',
      'asn1-structure': 'ASN.1 structure',
      'x509-field': 'X.509 field',
    });
  });
});

/** Offset of the first UTCTime (tag 0x17, length 13) in the DER. */
function findTime(der: Uint8Array): number {
  for (let i = 0; i < der.length - 1; i++) if (der[i] === 0x17 && der[i + 1] === 13) return i;
  throw new Error('no UTCTime');
}
