/**
 * `aws iot …` in the page: AWS IoT's control-plane operations against the lab registry behind
 * the page's broker, with the AWS CLI v2's parameters, output formats (`--output json|text|
 * table`), error lines and exit statuses (252 usage, 254 service error, 255 no endpoint).
 */
import { RegistryError } from '../../../lab/certificate-registry.ts';
import type { Command, CommandContext, OptionSpec } from '../../command.ts';
import {
  AWS_USAGE_ERROR,
  ParameterError,
  loadParameter,
  readParameters,
  usageError,
  type AwsParameter,
  type IotOperation,
} from './aws-cli.ts';
import { reportServiceError } from './aws-errors.ts';
import { OUTPUT_FORMATS, formatResponse, isOutputFormat } from './aws-output.ts';
import { rememberNames } from './aws-names.ts';
import {
  createCertificateFromCsr,
  createKeysAndCertificate,
  describeCertificate,
  listCertificates,
  updateCertificate,
} from './iot-certificates.ts';
import {
  attachPolicy,
  createPolicy,
  detachPolicy,
  getPolicy,
  listPolicies,
} from './iot-policies.ts';
import { testAuthorization } from './iot-test-authorization.ts';
import {
  attachThingPrincipal,
  createThing,
  describeEndpoint,
  describeThing,
} from './iot-things.ts';

/** The AWS CLI's exit status when it could not reach the service. */
const NO_ENDPOINT = 255;

const OPERATIONS: readonly IotOperation[] = [
  createKeysAndCertificate,
  createCertificateFromCsr,
  updateCertificate,
  listCertificates,
  describeCertificate,
  createPolicy,
  getPolicy,
  listPolicies,
  attachPolicy,
  detachPolicy,
  createThing,
  describeThing,
  attachThingPrincipal,
  testAuthorization,
  describeEndpoint,
];

/** Parameters every operation takes (the CLI's global options). */
const GLOBAL: readonly AwsParameter[] = [
  {
    flag: '--output',
    value: 'format',
    summary: 'json (default), text or table',
    complete: { words: OUTPUT_FORMATS },
  },
  { flag: '--region', value: 'region', summary: 'accepted; the lab has one region, us-east-1' },
  { flag: '--profile', value: 'name', summary: 'accepted; the lab needs no credentials' },
  { flag: '--no-cli-pager', summary: 'accepted; the terminal never pages' },
];

export const aws: Command = {
  name: 'aws',
  summary: "AWS IoT's certificate, policy and thing operations against the lab registry",
  usage: 'aws iot <operation> [--parameter value …] [--output json|text|table]',
  options: allOptions(),
  operands: [{ words: ['iot'] }, { words: OPERATIONS.map((o) => o.name) }],
  async run(ctx) {
    const [, service, name, ...rest] = ctx.argv;
    if (service !== 'iot') {
      const why = service === undefined ? 'the following arguments are required: command' : '';
      return usageError(ctx, why || `argument command: Invalid choice, valid choices are:\n\niot`);
    }
    if (name === undefined) {
      return usageError(ctx, 'the following arguments are required: operation');
    }
    const operation = OPERATIONS.find((o) => o.name === name);
    if (!operation) {
      const list = OPERATIONS.map((o) => `${o.name.padEnd(30)} ${o.summary}`).join('\n');
      return usageError(ctx, `argument operation: Invalid choice, valid choices are:\n\n${list}`);
    }

    return runOperation(ctx, operation, rest);
  },
};

async function runOperation(
  ctx: CommandContext,
  operation: IotOperation,
  args: readonly string[],
): Promise<number> {
  const read = readParameters(args, [...operation.parameters, ...GLOBAL]);
  if ('problem' in read) return usageError(ctx, read.problem);

  const output = read.values.get('--output') ?? 'json';
  if (!isOutputFormat(output)) {
    return usageError(
      ctx,
      `argument --output: Invalid choice, valid choices are:\n\n${OUTPUT_FORMATS.join(' | ')}`,
    );
  }

  const opened = ctx.registry ? await ctx.registry.open() : undefined;
  if (!opened?.ok) {
    const why =
      opened?.why ?? 'this terminal has no lab registry. Pick the in-page lab or the lab server.';
    ctx.stderr.write(`\nCould not connect to the endpoint URL: ${why}\n`);
    return NO_ENDPOINT;
  }

  const values = new Map<string, string>();
  for (const [flag, value] of read.values) {
    const loaded = await loadParameter(ctx, flag, value);
    if (loaded === undefined) return AWS_USAGE_ERROR;
    values.set(flag, loaded);
  }

  const documentFile = read.values.get('--policy-document')?.replace(/^file:\/\//, '');
  try {
    const response = await operation.run({
      ctx,
      registry: opened.registry,
      endpoint: opened.endpoint,
      label: opened.label,
      value: (flag) => values.get(flag),
      flag: (flag) => read.flags.get(flag) ?? false,
    });
    if (response !== undefined) ctx.stdout.write(formatResponse(response, output, operation.api));
    await rememberNames(ctx.names, opened.registry);
    return 0;
  } catch (error) {
    if (error instanceof ParameterError) return parameterProblem(ctx, error.message);
    if (!(error instanceof RegistryError)) throw error;
    return await reportServiceError(ctx, operation.api, error, {
      ...(values.has('--policy-document') ? { policyText: values.get('--policy-document')! } : {}),
      ...(documentFile ? { policyFile: documentFile } : {}),
    });
  }
}

/** `argument …` problems are the CLI's usage errors; the rest fail its parameter validation. */
function parameterProblem(ctx: CommandContext, message: string): number {
  if (message.startsWith('argument ')) return usageError(ctx, message);

  ctx.stderr.write(`\nParameter validation failed:\n${message}\n`);
  return AWS_USAGE_ERROR;
}

function allOptions(): OptionSpec[] {
  const seen = new Map<string, OptionSpec>();
  for (const p of [...OPERATIONS.flatMap((o) => o.parameters), ...GLOBAL]) {
    if (!seen.has(p.flag)) seen.set(p.flag, p);
  }
  return [...seen.values()];
}
