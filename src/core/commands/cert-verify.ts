/**
 * `handshake cert verify <leaf> --ca <file>`: verifies a certificate chain the way the broker
 * does at the TLS handshake and lists every check; a failure says why and what to do.
 */
import type { Certificate } from '../pki/certificate.ts';
import { PURPOSES, type Purpose } from '../pki/chain-checks.ts';
import { decodeSync } from '../pki/decode.ts';
import { STAGE_TITLES } from '../pki/pki-problem.ts';
import { verifyChain, type ChainVerification } from '../pki/verify-chain.ts';
import type { CertContext } from './cert-inspect.ts';
import type { CommandResult } from './topic-check.ts';

const COMMAND = 'handshake cert verify';

export const CERT_VERIFY_USAGE = `Usage: ${COMMAND} <leaf> --ca <file> [--chain <file>] [--at <ISO time>]
                           [--purpose client|server|any] [--json]

Verifies the certificate in <leaf> against the trusted CA certificates in --ca, through the
intermediate certificates in --chain, and lists each check: issuer found, signature, validity,
CA rights, path length, and the leaf's key usage for its purpose. Files are PEM or DER and may
hold several certificates, in any order.

Options:
  --ca <file>        trusted CA certificates (repeat for several files)
  --chain <file>     intermediate CA certificates (repeatable)
  --at <ISO time>    check validity at this time instead of now, e.g. 2027-01-31T12:00:00Z
  --purpose <p>      client (a device, the default), server (the broker), or any
  --json             print the checks as JSON
  -h, --help         show this help

Exit status: 0 when the chain is valid; 1 when it is not, or a certificate cannot be read;
2 for a usage mistake or a file that cannot be read.`;

interface VerifyArgs {
  leaf: string;
  ca: string[];
  chain: string[];
  at?: Date;
  purpose: Purpose;
  json: boolean;
}

export async function runCertVerify(
  args: string[],
  context: CertContext & { now?: () => Date },
): Promise<CommandResult> {
  if (args.includes('-h') || args.includes('--help'))
    return { exitCode: 0, stdout: `${CERT_VERIFY_USAGE}\n`, stderr: '' };

  const parsed = parseArgs(args);
  if ('problem' in parsed) return usageError(parsed.problem);

  const loaded = loadAll(parsed, context);
  if ('result' in loaded) return loaded.result;

  const verification = await verifyChain(context.crypto, {
    leaf: loaded.leaf,
    intermediates: loaded.chain,
    trustAnchors: loaded.ca,
    at: parsed.at ?? context.now?.() ?? new Date(),
    purpose: parsed.purpose,
  });
  const exitCode = verification.valid ? 0 : 1;
  const stdout = parsed.json
    ? `${JSON.stringify(verificationJson(verification), null, 2)}\n`
    : report(verification);
  return { exitCode, stdout, stderr: '' };
}

function parseArgs(args: string[]): VerifyArgs | { problem: string } {
  const positional: string[] = [];
  const parsed: Omit<VerifyArgs, 'leaf'> = { ca: [], chain: [], purpose: 'client', json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => args[++i];
    if (arg === '--json') parsed.json = true;
    else if (arg === '--ca' || arg === '--chain') {
      const file = value();
      if (file === undefined) return { problem: `${arg} needs a file.` };
      parsed[arg === '--ca' ? 'ca' : 'chain'].push(file);
    } else if (arg === '--at') {
      const text = value() ?? '';
      const at = new Date(text);
      if (!/^\d{4}-\d\d-\d\d/.test(text) || Number.isNaN(at.getTime())) {
        return {
          problem: `--at needs an ISO 8601 time such as 2027-01-31T12:00:00Z; got '${text}'.`,
        };
      }
      parsed.at = at;
    } else if (arg === '--purpose') {
      const purpose = value() ?? '';
      if (!(PURPOSES as readonly string[]).includes(purpose)) {
        return { problem: `--purpose is one of ${PURPOSES.join(', ')}; got '${purpose}'.` };
      }
      parsed.purpose = purpose as Purpose;
    } else if (arg.startsWith('-')) return { problem: `unknown option '${arg}'.` };
    else positional.push(arg);
  }

  if (positional.length !== 1) {
    return {
      problem:
        positional.length === 0
          ? 'missing the certificate to verify.'
          : 'give exactly one leaf file.',
    };
  }
  if (parsed.ca.length === 0) return { problem: 'missing --ca: the CA certificates to trust.' };
  return { leaf: positional[0]!, ...parsed };
}

type Loaded =
  | { leaf: Certificate[]; chain: Certificate[]; ca: Certificate[] }
  | { result: CommandResult };

function loadAll(args: VerifyArgs, context: CertContext): Loaded {
  const problems: string[] = [];
  let unreadable = false;
  const load = (file: string, role: string): Certificate[] => {
    const read = context.files(file);
    if ('error' in read) {
      problems.push(read.error);
      unreadable = true;
      return [];
    }

    const decoded = decodeSync(read.bytes);
    const certificates: Certificate[] = [];
    for (const block of decoded.blocks) {
      if (block.status === 'rejected') {
        const where = block.source.format === 'pem' ? ` (block on line ${block.source.line})` : '';
        problems.push(
          `${file}${where}: ${STAGE_TITLES[block.problem.stage]} stage: ${block.problem.message}`,
        );
      } else if (block.object.kind === 'certificate') certificates.push(block.object);
    }
    if (decoded.problem) problems.push(`${file}: ${decoded.problem.message}`);
    else if (certificates.length === 0 && decoded.blocks.every((b) => b.status === 'decoded')) {
      problems.push(`${file} holds no certificate, but should hold the ${role}.`);
    }
    return certificates;
  };

  const leaf = load(args.leaf, 'certificate to verify');
  const chain = args.chain.flatMap((f) => load(f, 'intermediate CA certificates'));
  const ca = args.ca.flatMap((f) => load(f, 'trusted CA certificates'));
  if (problems.length === 0) return { leaf, chain, ca };

  const stderr = problems.map((p) => `${COMMAND}: ${p}\n`).join('');
  return { result: { exitCode: unreadable ? 2 : 1, stdout: '', stderr } };
}

function report(v: ChainVerification): string {
  const anchored = v.checks.some((c) => c.check === 'trust-anchor');
  const path = v.path.map((c) => `"${c.subject.text}"`).join(' → ');
  const lines = [`Path: ${path}${anchored ? ' (trust anchor)' : ' (no trust anchor reached)'}`];
  lines.push(...v.notes.map((n) => `Note: ${n}`));

  let current = '';
  for (const check of v.checks) {
    const heading = `${check.position} "${check.subject}"`;
    if (heading !== current) lines.push('', heading);
    current = heading;
    lines.push(`  ${check.passed ? '✔' : '✘'} ${check.check}: ${check.detail}`);
  }

  lines.push('');
  if (v.valid) {
    lines.push(`Result: valid for a ${PURPOSE_NOUNS[v.purpose]} at ${iso(v.at)}.`);
  } else {
    const titles = [...new Set(v.failures.map((f) => f.title!.toLowerCase()))];
    const count = v.failures.length;
    lines.push(
      `Result: NOT valid at ${iso(v.at)}: ${count} problem${count === 1 ? '' : 's'} (${titles.join(', ')}).`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const PURPOSE_NOUNS = { client: 'TLS client (device)', server: 'TLS server', any: 'any purpose' };

const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function verificationJson(v: ChainVerification) {
  return {
    valid: v.valid,
    at: iso(v.at),
    purpose: v.purpose,
    path: v.path.map((c) => ({
      subject: c.subject.text,
      issuer: c.issuer.text,
      serialNumber: c.serialNumber,
    })),
    notes: v.notes,
    checks: v.checks,
    failures: v.failures,
  };
}

function usageError(problem: string): CommandResult {
  return { exitCode: 2, stdout: '', stderr: `${COMMAND}: ${problem}\n\n${CERT_VERIFY_USAGE}\n` };
}
