/**
 * `handshake policy <check|test|cases>`: the policy engine on the command line. Pure; files
 * come through a reader, so the Node CLI and a terminal widget run the same code.
 */
import { runPolicyCases } from './policy-cases.ts';
import { runPolicyCheck } from './policy-check.ts';
import type { FileReader } from './policy-files.ts';
import { runPolicyTest } from './policy-test.ts';
import type { CommandResult } from './topic-check.ts';

export type { FileRead, FileReader } from './policy-files.ts';

export const POLICY_USAGE = `Usage: handshake policy <subcommand>

Subcommands:
  check <policy.json>...                     validate and lint policy documents
  test --policy <file>... --action <action>  decide one request and explain the decision
       (--topic T | --filter F | --client ID) [--context <file>] [--json]
  cases <cases.json>                         run a scenario file like policy-cases.json

Run \`handshake policy <subcommand> --help\` for its options.`;

const SUBCOMMANDS = {
  check: runPolicyCheck,
  test: runPolicyTest,
  cases: runPolicyCases,
} as const;

/** Runs the command on the words after `policy`. */
export function runPolicyCommand(args: string[], files: FileReader): CommandResult {
  const [sub, ...rest] = args;
  if (sub === 'help' || sub === '--help' || sub === '-h') {
    return { exitCode: 0, stdout: `${POLICY_USAGE}\n`, stderr: '' };
  }
  if (sub === undefined) {
    return {
      exitCode: 2,
      stdout: '',
      stderr: `handshake policy: missing the subcommand.\n\n${POLICY_USAGE}\n`,
    };
  }

  if (!(sub in SUBCOMMANDS)) {
    return {
      exitCode: 2,
      stdout: '',
      stderr: `handshake policy: unknown subcommand '${sub}'.\n\n${POLICY_USAGE}\n`,
    };
  }

  return SUBCOMMANDS[sub as keyof typeof SUBCOMMANDS](rest, files);
}
