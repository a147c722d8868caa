/**
 * `handshake policy check <policy.json>...`: validation and lint of policy documents, each
 * problem with its file, line, column, code and path, and what to do about it.
 */
import { checkPolicy } from '../policy/check-policy.ts';
import type { PolicyProblem } from '../policy/policy-problem.ts';
import type { FileReader } from './policy-files.ts';
import type { CommandResult } from './topic-check.ts';

const COMMAND = 'handshake policy check';

export const POLICY_CHECK_USAGE = `Usage: ${COMMAND} <policy.json>... [--json]

Validates each AWS IoT policy document (JSON syntax, Version, Statement, Effect, actions,
resource ARNs, conditions, policy variables) and lints it for risky or ineffective grants.

Options:
  --json       print a JSON array of {file, valid, problems}
  -h, --help   show this help

Exit status: 0 when no file has an error (warnings are fine); 1 when one has;
2 for a usage mistake or a file that cannot be read.`;

export function runPolicyCheck(args: string[], files: FileReader): CommandResult {
  if (args.includes('-h') || args.includes('--help')) {
    return { exitCode: 0, stdout: `${POLICY_CHECK_USAGE}\n`, stderr: '' };
  }

  const json = args.includes('--json');
  const unknown = args.find((a) => a.startsWith('-') && a !== '--json');
  const paths = args.filter((a) => a !== '--json');
  if (unknown) return usageError(`unknown option '${unknown}'.`);
  if (paths.length === 0) return usageError('missing the policy file to check.');

  const reports: { file: string; valid: boolean; problems: PolicyProblem[] }[] = [];
  const unreadable: string[] = [];
  for (const file of paths) {
    const read = files(file);
    if ('error' in read) {
      unreadable.push(`${COMMAND}: ${read.error}`);
      continue;
    }
    reports.push({ file, ...checkPolicy(read.text, file) });
  }

  const stdout = json
    ? `${JSON.stringify(reports, null, 2)}\n`
    : reports.map(formatReport).join('\n');
  const stderr = unreadable.length > 0 ? `${unreadable.join('\n')}\n` : '';
  const exitCode = unreadable.length > 0 ? 2 : reports.every((r) => r.valid) ? 0 : 1;

  return { exitCode, stdout, stderr };
}

/** One block per problem, then a tally line for the file. */
function formatReport(report: { file: string; problems: PolicyProblem[] }): string {
  const lines: string[] = [];
  for (const p of report.problems) {
    const where = p.location
      ? `${report.file}:${p.location.line}:${p.location.column}`
      : report.file;
    lines.push(`${where} ${p.severity} ${p.code} at ${p.at}`, `  ${p.message}`);
  }
  lines.push(`${report.file}: ${tally(report.problems)}`);

  return `${lines.join('\n')}\n`;
}

function tally(problems: PolicyProblem[]): string {
  if (problems.length === 0) return 'no problems found';

  const count = (severity: PolicyProblem['severity'], word: string) => {
    const n = problems.filter((p) => p.severity === severity).length;
    return n === 0 ? [] : [`${n} ${word}${n === 1 ? '' : 's'}`];
  };
  return [
    ...count('error', 'error'),
    ...count('warning', 'warning'),
    ...count('info', 'note'),
  ].join(', ');
}

function usageError(problem: string): CommandResult {
  return { exitCode: 2, stdout: '', stderr: `${COMMAND}: ${problem}\n\n${POLICY_CHECK_USAGE}\n` };
}
