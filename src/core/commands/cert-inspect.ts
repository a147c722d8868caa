/**
 * `handshake cert inspect <file>`: every certificate, CSR and key in a PEM or DER file, in order,
 * each with a summary and its fields (offset, length, name, value), or the stage that rejected it.
 */
import type { CryptoPort } from '../pki/crypto-port.ts';
import { decodePki, type DecodedBlock } from '../pki/decode.ts';
import { STAGE_TITLES } from '../pki/pki-problem.ts';
import type { BinaryFileReader } from './cert-files.ts';
import {
  fieldLines,
  kindTitle,
  objectJson,
  rejectionLines,
  sourceText,
  summarize,
  summaryLines,
  type Summary,
} from './cert-describe.ts';
import type { CommandResult } from './topic-check.ts';

const COMMAND = 'handshake cert inspect';

export const CERT_INSPECT_USAGE = `Usage: ${COMMAND} <file> [--password <password>] [--explain] [--json]

Decodes every object in a PEM or DER file, in order: certificates, CSRs, public keys, and
private keys (PKCS #8, PKCS #1, SEC1, encrypted PKCS #8). For each it prints a summary and
every field with its byte offset and length in the DER. A block that cannot be read is
reported with the stage that failed: PEM boundary, base64, DER length, ASN.1 structure or
X.509 field.

Options:
  --password <p>  decrypt an encrypted private key
  --explain       add what each field means
  --json          print JSON: {file, objects: [...]} with each field's meaning
  -h, --help      show this help

Exit status: 0 when every block was decoded; 1 when a block was rejected or none was found;
2 for a usage mistake or a file that cannot be read.`;

export interface CertContext {
  files: BinaryFileReader;
  crypto: CryptoPort;
}

export async function runCertInspect(args: string[], context: CertContext): Promise<CommandResult> {
  if (args.includes('-h') || args.includes('--help'))
    return { exitCode: 0, stdout: `${CERT_INSPECT_USAGE}\n`, stderr: '' };

  const parsed = parseArgs(args);
  if ('problem' in parsed) return usageError(parsed.problem);

  const read = context.files(parsed.file);
  if ('error' in read) return { exitCode: 2, stdout: '', stderr: `${COMMAND}: ${read.error}\n` };

  const result = await decodePki(
    read.bytes,
    parsed.password === undefined ? {} : { password: parsed.password },
  );
  const described = await Promise.all(
    result.blocks.map((block) => describe(block, context.crypto)),
  );
  const ok = result.blocks.length > 0 && result.blocks.every((b) => b.status === 'decoded');
  const exitCode = ok ? 0 : 1;

  if (parsed.json) {
    const json = {
      file: parsed.file,
      objects: described.map((d) => d.json),
      ...(result.problem
        ? { problem: { ...result.problem, stageTitle: STAGE_TITLES[result.problem.stage] } }
        : {}),
    };
    return { exitCode, stdout: `${JSON.stringify(json, null, 2)}\n`, stderr: '' };
  }

  const count = result.blocks.length;
  const header = `${parsed.file}: ${count} object${count === 1 ? '' : 's'}`;
  const nothing = result.problem
    ? [`  Stage     ${STAGE_TITLES[result.problem.stage]}`, `  ${result.problem.message}`]
    : [];
  const blocks = described.map((d) => d.lines(parsed.explain).join('\n'));
  return { exitCode, stdout: `${[header, ...nothing, ...blocks].join('\n\n')}\n`, stderr: '' };
}

type Parsed =
  | { file: string; json: boolean; explain: boolean; password?: string }
  | { problem: string };

function parseArgs(args: string[]): Parsed {
  const files: string[] = [];
  let json = false;
  let explain = false;
  let password: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--explain') explain = true;
    else if (arg === '--password') {
      password = args[++i];
      if (password === undefined) return { problem: '--password needs a value.' };
    } else if (arg.startsWith('-') && arg !== '-') return { problem: `unknown option '${arg}'.` };
    else files.push(arg);
  }
  if (files.length !== 1)
    return {
      problem: files.length === 0 ? 'missing the file to inspect.' : 'give exactly one file.',
    };
  return { file: files[0]!, json, explain, ...(password === undefined ? {} : { password }) };
}

async function describe(block: DecodedBlock, crypto: CryptoPort) {
  const title = `${block.source.index}.`;
  if (block.status === 'rejected') {
    return {
      json: {
        index: block.source.index,
        source: block.source,
        status: 'rejected',
        problem: { ...block.problem, stageTitle: STAGE_TITLES[block.problem.stage] },
      },
      lines: () => [`${title} Rejected: ${sourceText(block)}`, ...rejectionLines(block, '   ')],
    };
  }

  const { object } = block;
  const { summary, prints } = await summarize(crypto, object);
  const inner = object.kind === 'encrypted-private-key' ? object.decrypted : undefined;
  return {
    json: {
      index: block.source.index,
      source: block.source,
      status: 'decoded',
      ...objectJson(object, prints),
    },
    lines: (explain: boolean) => [
      `${title} ${kindTitle(object)} (${sourceText(block)})`,
      ...summaryLines(withNotes(summary, [...object.notes, ...(inner?.notes ?? [])]), '   '),
      '   Fields (offset, length, name, ASN.1 type, value)',
      ...fieldLines(object.fields, '   ', explain),
      ...(inner
        ? [
            '   Decrypted key fields (offsets in the decrypted DER)',
            ...fieldLines(inner.fields, '   ', explain),
          ]
        : []),
    ],
  };
}

function withNotes(summary: Summary, notes: string[]): Summary {
  return [...summary, ...notes.map((note, i): [string, string] => [i === 0 ? 'Notes' : '', note])];
}

function usageError(problem: string): CommandResult {
  return { exitCode: 2, stdout: '', stderr: `${COMMAND}: ${problem}\n\n${CERT_INSPECT_USAGE}\n` };
}
