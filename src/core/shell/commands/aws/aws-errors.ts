/**
 * The registry's refusals as the AWS CLI prints a service error: the exception AWS IoT names
 * for that case (the Errors section of each API_* page), the operation, and the registry's own
 * sentence. A refused policy also gets its problems at their lines and columns, with the words
 * the policy editor shows (src/core/policy).
 */
import { RegistryError } from '../../../lab/certificate-registry.ts';
import { MalformedPolicyError } from '../../../lab/iot-registry.ts';
import { checkPolicy } from '../../../policy/check-policy.ts';
import type { JsonProblem } from '../../../json/problem.ts';
import type { PolicyProblem } from '../../../policy/policy-problem.ts';
import type { CommandContext } from '../../command.ts';
import { AWS_SERVICE_ERROR } from './aws-cli.ts';

const EXCEPTIONS: Record<string, string> = {
  'certificate-not-found': 'ResourceNotFoundException',
  'ca-not-found': 'ResourceNotFoundException',
  'policy-not-found': 'ResourceNotFoundException',
  'version-not-found': 'ResourceNotFoundException',
  'thing-not-found': 'ResourceNotFoundException',
  'thing-type-not-found': 'ResourceNotFoundException',
  'thing-group-not-found': 'ResourceNotFoundException',
  'not-attached': 'ResourceNotFoundException',
  'resource-already-exists': 'ResourceAlreadyExistsException',
  'certificate-exists': 'ResourceAlreadyExistsException',
  'ca-exists': 'ResourceAlreadyExistsException',
  'invalid-transition': 'CertificateStateException',
  'certificate-active': 'CertificateStateException',
  'certificate-attached': 'DeleteConflictException',
  'policy-attached': 'DeleteConflictException',
  'default-version': 'DeleteConflictException',
  'version-limit': 'VersionsLimitExceededException',
  'limit-exceeded': 'LimitExceededException',
  'malformed-policy': 'MalformedPolicyException',
  'ca-not-registered': 'CertificateValidationException',
  'certificate-signature-invalid': 'CertificateValidationException',
  'no-registry': 'ServiceUnavailableException',
  'lab-server-unreachable': 'ServiceUnavailableException',
  'registry-unreadable': 'ServiceUnavailableException',
};

/** The AWS exception name for a registry error code. */
export function exceptionFor(code: string): string {
  return EXCEPTIONS[code] ?? 'InvalidRequestException';
}

/** Prints a service error for what the registry threw; other errors are not ours to word. */
export async function reportServiceError(
  ctx: CommandContext,
  api: string,
  error: unknown,
  sources: { policyText?: string; policyFile?: string } = {},
): Promise<number> {
  if (!(error instanceof RegistryError)) throw error;

  ctx.stderr.write(
    `\nAn error occurred (${exceptionFor(error.code)}) when calling the ${api} operation: ` +
      `${error.message}\n`,
  );
  const text = sources.policyText;
  if (error.code !== 'malformed-policy' || text === undefined) return AWS_SERVICE_ERROR;

  // Not JSON: the course's JSON checker, whose words the policy editor shows for syntax.
  const file = sources.policyFile ?? 'the policy document';
  const { checkSyntax } = await import('../../../json/syntax.ts');
  const syntax = checkSyntax(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (!syntax.ok) {
    const errors = syntax.problems.filter((p) => p.severity === 'error');
    errors.forEach((p) => ctx.stderr.write(jsonProblemLines(file, p)));
    return AWS_SERVICE_ERROR;
  }

  for (const problem of policyProblems(error, text)) {
    ctx.stderr.write(problemLines(file, text, problem));
  }
  return AWS_SERVICE_ERROR;
}

/** A JSON syntax problem as the editor lays it out: title, place, the line with a caret, why. */
function jsonProblemLines(file: string, p: JsonProblem): string {
  const number = String(p.line);
  return (
    `\n${file}: line ${p.line}, column ${p.column}: ${p.title} [${p.rule}]\n` +
    `  ${number} | ${p.excerpt.text}\n` +
    `  ${' '.repeat(number.length)} | ${p.excerpt.caret}\n` +
    `  ${p.message}\n`
  );
}

/**
 * The refused policy's errors: carried by the error in the page's own lab; read again with the
 * same engine when the error came over HTTP without them.
 */
function policyProblems(error: RegistryError, text: string): readonly PolicyProblem[] {
  if (error instanceof MalformedPolicyError && error.problems.length > 0) return error.problems;

  return checkPolicy(text).problems.filter((p) => p.severity === 'error');
}

/** `p.json: line 7, column 3: Title [code]`, the line with a caret, then the message. */
function problemLines(file: string, text: string, problem: PolicyProblem): string {
  const location = problem.location;
  if (!location) return `\n${file}: ${problem.title} [${problem.code}]\n  ${problem.message}\n`;

  const { line, column } = location;
  const source = text.split('\n')[line - 1] ?? '';
  const number = String(line);
  return (
    `\n${file}: line ${line}, column ${column}: ${problem.title} [${problem.code}]\n` +
    `  ${number} | ${source}\n` +
    `  ${' '.repeat(number.length)} | ${' '.repeat(Math.max(column - 1, 0))}^\n` +
    `  ${problem.message}\n`
  );
}
