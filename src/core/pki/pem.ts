/**
 * PEM (RFC 7468): base64 DER between `-----BEGIN <label>-----` and `-----END <label>-----`
 * lines. Parsing runs in stages, boundary then base64, and a rejected block names its stage,
 * its line and, for a bad character, its column. The DER inside is checked by the decoders.
 */
import { base64Value, toBase64 } from './bytes.ts';
import type { Bytes } from './crypto-port.ts';
import { pkiProblem, type PkiProblem } from './pki-problem.ts';

export interface PemBlock {
  label: string;
  /** Lines of the BEGIN and END boundaries, counted from 1. */
  beginLine: number;
  endLine: number;
  der: Bytes;
}

/** Each block in the text, in order: its bytes, or why it was rejected. */
export type PemEntry =
  | { status: 'read'; block: PemBlock }
  | { status: 'rejected'; label: string; beginLine: number; problem: PkiProblem };

export interface PemParse {
  entries: PemEntry[];
  /** Set when the text holds no block at all. */
  problem?: PkiProblem;
}

/** RFC 7468 §3: a label is printable characters, with single spaces or hyphens between. */
const BEGIN = /^-----BEGIN ((?:[\x21-\x2c\x2e-\x7e][ -]?)*[\x21-\x2c\x2e-\x7e])?-----$/;
const END = /^-----END ((?:[\x21-\x2c\x2e-\x7e][ -]?)*[\x21-\x2c\x2e-\x7e])?-----$/;

export function parsePem(text: string): PemParse {
  const lines = text.split(/\r\n|\n|\r/);
  const entries: PemEntry[] = [];

  for (let i = 0; i < lines.length; i++) {
    const begin = BEGIN.exec(lines[i]!.trim());
    if (!begin) continue;

    const label = begin[1] ?? '';
    const end = findEnd(lines, i + 1);
    if (end.kind !== 'end') {
      entries.push(missingEnd(label, i + 1, end.kind === 'begin' ? end.line + 1 : undefined));
      i = end.kind === 'begin' ? end.line - 1 : lines.length;
      continue;
    }

    entries.push(readBlock(lines, label, i, end.line, end.label));
    i = end.line;
  }

  if (entries.length === 0) return { entries, problem: noBlock(lines) };
  return { entries };
}

type EndSearch =
  | { kind: 'end'; line: number; label: string }
  | { kind: 'begin'; line: number }
  | { kind: 'eof' };

function findEnd(lines: string[], from: number): EndSearch {
  for (let j = from; j < lines.length; j++) {
    const line = lines[j]!.trim();
    const end = END.exec(line);
    if (end) return { kind: 'end', line: j, label: end[1] ?? '' };
    if (BEGIN.test(line)) return { kind: 'begin', line: j };
  }
  return { kind: 'eof' };
}

function readBlock(
  lines: string[],
  label: string,
  begin: number,
  end: number,
  endLabel: string,
): PemEntry {
  const beginLine = begin + 1;
  if (endLabel !== label) {
    const problem = pkiProblem(
      'label-mismatch',
      `The block opened on line ${beginLine} with BEGIN ${label} is closed on line ${end + 1} with ` +
        `END ${endLabel}. The labels must be the same; two blocks may have been cut and joined.`,
      { line: end + 1 },
    );
    return { status: 'rejected', label, beginLine, problem };
  }

  const body = lines.slice(begin + 1, end);
  const legacy = body.findIndex((line) => /^Proc-Type:\s*4,\s*ENCRYPTED/i.test(line.trim()));
  if (legacy >= 0) {
    const problem = pkiProblem(
      'legacy-encryption',
      `Line ${begin + 2 + legacy} has a Proc-Type header: the key is encrypted the old OpenSSL way, ` +
        'which Handshake does not read. Convert it to encrypted PKCS#8 with ' +
        '`openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.pem -out key.pem`.',
      { line: begin + 2 + legacy },
    );
    return { status: 'rejected', label, beginLine, problem };
  }

  const decoded = decodeBase64Lines(body, begin + 2, label);
  if ('problem' in decoded)
    return { status: 'rejected', label, beginLine, problem: decoded.problem };
  return { status: 'read', block: { label, beginLine, endLine: end + 1, der: decoded.bytes } };
}

/** Base64 over several lines; `firstLine` is the line number of `body[0]`. */
function decodeBase64Lines(
  body: string[],
  firstLine: number,
  label: string,
): { bytes: Bytes } | { problem: PkiProblem } {
  const values: number[] = [];
  let padding = 0;
  let paddingAt: { line: number; column: number } | undefined;

  for (let n = 0; n < body.length; n++) {
    const line = body[n]!;
    for (let c = 0; c < line.length; c++) {
      const char = line[c]!;
      const place = { line: firstLine + n, column: c + 1 };
      if (char === ' ' || char === '\t') continue;
      if (char === '=') {
        padding++;
        paddingAt ??= place;
        continue;
      }

      const value = base64Value(char);
      if (value < 0) return { problem: badCharacter(char, place) };
      if (padding > 0) {
        return {
          problem: pkiProblem(
            'base64-padding',
            `Line ${paddingAt!.line}, column ${paddingAt!.column} has '=', which may only end the ` +
              `base64, but more base64 follows on line ${place.line}. Two blocks may have been joined.`,
            paddingAt!,
          ),
        };
      }
      values.push(value);
    }
  }

  if (values.length === 0) {
    return {
      problem: pkiProblem(
        'empty-block',
        `The ${label} block on line ${firstLine - 1} has no base64 inside.`,
        {
          line: firstLine - 1,
        },
      ),
    };
  }
  if (
    values.length % 4 === 1 ||
    padding > 2 ||
    (padding > 0 && (values.length + padding) % 4 !== 0)
  ) {
    return {
      problem: pkiProblem(
        'base64-length',
        `The base64 of the ${label} block has ${values.length} characters and ${padding} '=', which ` +
          'does not make whole bytes: a character is missing or extra.',
        { line: firstLine },
      ),
    };
  }
  return { bytes: bytesOf(values) };
}

function bytesOf(values: number[]): Bytes {
  const bytes = new Uint8Array(Math.floor((values.length * 6) / 8));
  let j = 0;
  for (let i = 0; i < values.length; i += 4) {
    const [a = 0, b = 0, c = 0, d = 0] = values.slice(i, i + 4);
    const group = (a << 18) | (b << 12) | (c << 6) | d;
    const count = Math.min(3, bytes.length - j);
    for (let k = 0; k < count; k++) bytes[j++] = (group >> (16 - 8 * k)) & 0xff;
  }
  return bytes;
}

function badCharacter(char: string, place: { line: number; column: number }): PkiProblem {
  const shown = /[\x21-\x7e]/.test(char)
    ? `'${char}'`
    : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return pkiProblem(
    'base64-character',
    `Line ${place.line}, column ${place.column} has ${shown}, which is not a base64 character ` +
      '(A-Z, a-z, 0-9, + and / only, with = at the end). The text may have been edited or ' +
      'mangled by a chat or mail program.',
    place,
  );
}

function missingEnd(label: string, beginLine: number, nextBegin: number | undefined): PemEntry {
  const where =
    nextBegin === undefined
      ? 'the text ends before its END line'
      : `another BEGIN line comes first, on line ${nextBegin}`;
  const problem = pkiProblem(
    'missing-end',
    `The block BEGIN ${label} on line ${beginLine} has no -----END ${label}----- line: ${where}. ` +
      'Copy the whole block, down to its END line.',
    { line: beginLine },
  );
  return { status: 'rejected', label, beginLine, problem };
}

/** "No PEM block found", with the line that looks closest to a boundary. */
function noBlock(lines: string[]): PkiProblem {
  const near = lines.findIndex((line) => /^\s*-+\s*BEGIN\b/.test(line));
  if (near >= 0) {
    const line = lines[near]!.trim();
    const dashes = /^-*/.exec(line)![0].length;
    return pkiProblem(
      'no-pem-block',
      `No PEM block found. Line ${near + 1} reads "${line}", which looks like a BEGIN line but has ` +
        `${dashes} dashes where PEM needs exactly five on each side: -----BEGIN <label>-----.`,
      { line: near + 1 },
    );
  }
  return pkiProblem(
    'no-pem-block',
    'No PEM block found: no line reads -----BEGIN <label>-----. The input may be DER (binary), ' +
      'or only part of a file was pasted.',
  );
}

/** PEM text with 64-character lines and a final newline (RFC 7468 §2). */
export function encodePem(label: string, der: Uint8Array): string {
  const base64 = toBase64(der);
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
