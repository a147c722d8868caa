/**
 * What every `aws iot` operation shares, in the AWS CLI v2's shapes: `--name value` parameters
 * (and `--no-flag` for booleans), `file://` values read from the learner's files, the usage
 * error block with exit status 252, and service errors as "An error occurred (Code) when calling
 * the Operation operation: …" with exit status 254 (AWS CLI User Guide, "Return codes").
 */
import type { LabRegistry } from '../../../lab/iot-registry.ts';
import type { CommandContext, OptionSpec } from '../../command.ts';
import { fileName } from '../../file-area.ts';

/** The AWS CLI's exit status for a command line it cannot use (unknown or missing parameters). */
export const AWS_USAGE_ERROR = 252;
/** The AWS CLI's exit status when the service answered with an error. */
export const AWS_SERVICE_ERROR = 254;

export interface IotOperation {
  /** As typed: `create-policy`. */
  name: string;
  /** The API name the error line uses: `CreatePolicy`. */
  api: string;
  summary: string;
  /** `--policy-name` and so on; `required` ones are checked before the call. */
  parameters: readonly AwsParameter[];
  /** The response, printed in the chosen output format; undefined prints nothing. */
  run(call: IotCall): Promise<unknown>;
}

export interface AwsParameter extends OptionSpec {
  required?: boolean;
}

export interface IotCall {
  ctx: CommandContext;
  registry: LabRegistry;
  /** Where devices connect, for describe-endpoint. */
  endpoint: string;
  /** The broker's name as the picker shows it. */
  label: string;
  /** A parameter's value as typed (file:// already read), or undefined. */
  value(flag: string): string | undefined;
  /** A boolean parameter: true for `--flag`, false for `--no-flag` or absent. */
  flag(flag: string): boolean;
}

/** Raised by an operation for a parameter the CLI itself would refuse (exit 252). */
export class ParameterError extends Error {
  override name = 'ParameterError';
}

const USAGE =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n' +
  '  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';

/** The CLI's usage block, then `aws: error: …`; returns 252. */
export function usageError(ctx: CommandContext, problem: string): number {
  ctx.stderr.write(`\n${USAGE}\naws: error: ${problem}\n`);
  return AWS_USAGE_ERROR;
}

/**
 * Reads `--name value` pairs against the operation's parameters and the global `--output`.
 * Returns the values, or a problem sentence in the CLI's words.
 */
export function readParameters(
  args: readonly string[],
  parameters: readonly AwsParameter[],
): { values: Map<string, string>; flags: Map<string, boolean> } | { problem: string } {
  const values = new Map<string, string>();
  const flags = new Map<string, boolean>();
  const unknown: string[] = [];

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const negated = arg.startsWith('--no-') ? `--${arg.slice(5)}` : undefined;
    const spec = parameters.find((p) => p.flag === arg || p.flag === negated);
    if (!spec) {
      unknown.push(arg);
      continue;
    }
    if (spec.value === undefined) {
      flags.set(spec.flag, arg === spec.flag);
      continue;
    }

    const value = args[i + 1];
    if (value === undefined) return { problem: `argument ${arg}: expected one argument` };
    values.set(spec.flag, value);
    i += 1;
  }

  if (unknown.length > 0) return { problem: `Unknown options: ${unknown.join(', ')}` };

  const missing = parameters.filter((p) => p.required && !values.has(p.flag)).map((p) => p.flag);
  if (missing.length > 0) {
    return { problem: `the following arguments are required: ${missing.join(', ')}` };
  }
  return { values, flags };
}

/**
 * A parameter value with `file://` read from the learner's files, as the CLI loads paramfiles;
 * undefined after printing the CLI's "Error parsing parameter" line.
 */
export async function loadParameter(
  ctx: CommandContext,
  flag: string,
  value: string,
): Promise<string | undefined> {
  if (!value.startsWith('file://') && !value.startsWith('fileb://')) return value;

  const path = value.replace(/^fileb?:\/\//, '');
  const name = fileName(path);
  const text = name.ok ? await ctx.files.read(name.name) : undefined;
  if (text !== undefined) return text;

  const why = name.ok ? `No such file or directory: '${path}'` : name.why;
  ctx.stderr.write(
    `\nError parsing parameter '${flag}': Unable to load paramfile ${value}: ${why}. ` +
      "'ls' lists your files.\n",
  );
  return undefined;
}
