/**
 * `handshake cert <inspect|verify>`: certificates on the command line. Pure and async (WebCrypto
 * is); files come through a reader and WebCrypto through a port, so the Node CLI and a terminal
 * widget run the same code.
 */
import { runCertInspect, type CertContext } from './cert-inspect.ts';
import { runCertVerify } from './cert-verify.ts';
import type { CommandResult } from './topic-check.ts';

export type { CertContext } from './cert-inspect.ts';
export type { BinaryFileRead, BinaryFileReader } from './cert-files.ts';

export const CERT_USAGE = `Usage: handshake cert <subcommand>

Subcommands:
  inspect <file> [--json]                      decode certificates, CSRs and keys, field by field
  verify <leaf> --ca <file> [--chain <file>]   verify a certificate chain and list each check
         [--at <ISO time>] [--json]

The lab's registry (Node only, on the lab's data folder):
  lab-ca | create | list | update | attach-policy
                                               the lab CA, device certificates, their status
                                               and policies: handshake cert create --help

Run \`handshake cert <subcommand> --help\` for its options.`;

const SUBCOMMANDS = { inspect: runCertInspect, verify: runCertVerify } as const;

/** Runs the command on the words after `cert`. */
export async function runCertCommand(
  args: string[],
  context: CertContext & { now?: () => Date },
): Promise<CommandResult> {
  const [sub, ...rest] = args;
  if (sub === 'help' || sub === '--help' || sub === '-h')
    return { exitCode: 0, stdout: `${CERT_USAGE}\n`, stderr: '' };
  if (sub === undefined)
    return {
      exitCode: 2,
      stdout: '',
      stderr: `handshake cert: missing the subcommand.\n\n${CERT_USAGE}\n`,
    };
  if (!(sub in SUBCOMMANDS)) {
    return {
      exitCode: 2,
      stdout: '',
      stderr: `handshake cert: unknown subcommand '${sub}'.\n\n${CERT_USAGE}\n`,
    };
  }
  return SUBCOMMANDS[sub as keyof typeof SUBCOMMANDS](rest, context);
}
