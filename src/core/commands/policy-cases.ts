/**
 * `handshake policy cases <file>`: runs a scenario file in the format of policy-cases.json,
 * prints each case that fails with its explanation, and ends with the tally.
 */
import { readCaseFile, runCase, type CaseRun } from '../policy/case-file.ts';
import { explainDecision } from '../policy/explain.ts';
import { readJsonFile, type FileReader } from './policy-files.ts';
import type { CommandResult } from './topic-check.ts';

const COMMAND = 'handshake policy cases';

export const POLICY_CASES_USAGE = `Usage: ${COMMAND} <cases.json>

Runs every case of a scenario file (the format of policy-cases.json: policies, context,
action, resource and the expected decision), prints each case that fails with the
engine's explanation, and ends with "N passed, N failed".

Exit status: 0 when every case passes; 1 when any fails or cannot be read;
2 for a usage mistake or a file that cannot be read.`;

const OUTCOME_WORDS = {
  allowed: 'allowed',
  'explicitly-denied': 'explicitly denied',
  'implicitly-denied': 'implicitly denied',
} as const;

export function runPolicyCases(args: string[], files: FileReader): CommandResult {
  if (args.includes('-h') || args.includes('--help')) {
    return { exitCode: 0, stdout: `${POLICY_CASES_USAGE}\n`, stderr: '' };
  }

  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) return usageError(`unknown option '${unknown}'.`);
  if (args.length !== 1)
    return usageError(args.length === 0 ? 'missing the case file.' : 'give exactly one case file.');

  const file = args[0] ?? '';
  const read = readJsonFile(files, file);
  if ('error' in read) return { exitCode: 2, stdout: '', stderr: `${COMMAND}: ${read.error}\n` };

  const { cases, mistakes } = readCaseFile(read.json);
  const runs = cases.map(runCase);
  const failed = runs.filter((r) => !r.passed);

  const blocks = [...mistakes.map((m) => `✘ cannot run ${m}\n`), ...failed.map(describeFailure)];
  const passed = runs.length - failed.length;
  const tally = `${passed} passed, ${failed.length + mistakes.length} failed\n`;

  return {
    exitCode: failed.length + mistakes.length > 0 ? 1 : 0,
    stdout: [...blocks, tally].join('\n'),
    stderr: '',
  };
}

function describeFailure(run: CaseRun): string {
  const { policyCase, decision } = run;
  const lines = [
    `✘ ${policyCase.id}: expected ${policyCase.expected}, but ${decision.request.action} on ` +
      `${decision.request.resource} is ${OUTCOME_WORDS[decision.outcome]}`,
  ];
  if (policyCase.why) lines.push(`  The case says: ${policyCase.why}`);
  lines.push(
    ...explainDecision(decision)
      .trimEnd()
      .split('\n')
      .map((l) => (l === '' ? '' : `  ${l}`)),
  );

  return `${lines.join('\n')}\n`;
}

function usageError(problem: string): CommandResult {
  return { exitCode: 2, stdout: '', stderr: `${COMMAND}: ${problem}\n\n${POLICY_CASES_USAGE}\n` };
}
