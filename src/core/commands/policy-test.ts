/**
 * `handshake policy test`: the decision on one request against one or more policies, with the
 * deciding statement, the nearest miss and every statement compared (`--json` for all of it).
 */
import { canonicalAction } from '../policy/action.ts';
import type { AttachedPolicy } from '../policy/decision.ts';
import { evaluate } from '../policy/evaluate.ts';
import { explainDecision } from '../policy/explain.ts';
import type { RequestContext } from '../policy/request-context.ts';
import { buildRequest, type AuthorizationRequest, type RequestTarget } from '../policy/request.ts';
import { ACTION_RESOURCE_TYPE, type ArnScope } from '../policy/resource-arn.ts';
import { validatePolicy } from '../policy/validate.ts';
import { readJsonFile, type FileReader } from './policy-files.ts';
import type { CommandResult } from './topic-check.ts';

const COMMAND = 'handshake policy test';

export const POLICY_TEST_USAGE = `Usage: ${COMMAND} --policy <file>... --action <action>
         (--topic <name> | --filter <filter> | --client <id> | --resource <arn>)
         [--context <file>] [--json]

Decides whether AWS IoT Core would allow one request, and explains why: the deciding
statement, or for an implicit deny the statement that came closest and what it lacks.

Options:
  --policy <file>...              policy documents attached to the certificate
  --thing-group-policy <file>...  policies on the thing's groups (in effect only when the
                                  client ID equals iot:Connection.Thing.ThingName)
  --action <action>               e.g. iot:Connect, iot:Publish, iot:Subscribe, iot:Receive
  --topic <name>                  the topic name (Publish, Receive, RetainPublish)
  --filter <filter>               the topic filter exactly as subscribed, + and # included
  --client <id>                   the client ID: the resource for iot:Connect, and
                                  iot:ClientId in the context for every action
  --resource <arn>                any other resource, as a full ARN
  --context <file>                a JSON object of context keys, as in policy-cases.json, e.g.
                                  {"iot:Connection.Thing.ThingName": "sensor-1"}
  --region <region>               default: us-east-1
  --account <id>                  default: 123456789012
  --json                          print the whole decision as JSON
  -h, --help                      show this help

Exit status: 0 when the request is allowed; 1 when it is denied; 2 for a usage mistake
or a file that cannot be read.`;

interface TestOptions {
  policies: string[];
  groupPolicies: string[];
  action: string;
  target: Partial<Record<'topic' | 'filter' | 'client' | 'resource', string>>;
  context: string | undefined;
  scope: ArnScope;
  json: boolean;
}

const VALUE_OPTIONS = [
  '--action',
  '--topic',
  '--filter',
  '--client',
  '--resource',
  '--context',
  '--region',
  '--account',
];
const LIST_OPTIONS = ['--policy', '--thing-group-policy'];

export function runPolicyTest(args: string[], files: FileReader): CommandResult {
  if (args.includes('-h') || args.includes('--help')) {
    return { exitCode: 0, stdout: `${POLICY_TEST_USAGE}\n`, stderr: '' };
  }

  const options = parseArgs(args);
  if (typeof options === 'string') return usageError(options);

  const request = requestOf(options);
  if (typeof request === 'string') return usageError(request);

  const context = contextOf(options, files);
  if ('error' in context) return failure(context.error);

  const notes: string[] = [];
  const policies: AttachedPolicy[] = [];
  const groups = options.groupPolicies.map((file) => [file, 'thing-group'] as const);
  for (const [file, attachedTo] of [
    ...options.policies.map((f) => [f, 'principal'] as const),
    ...groups,
  ]) {
    const read = files(file);
    if ('error' in read) return failure(read.error);

    const validation = validatePolicy(read.text, file);
    if (validation.json === undefined) {
      return failure(`${file} is not valid JSON: ${validation.problems[0]?.message ?? ''}`);
    }
    const errors = validation.problems.filter((p) => p.severity === 'error').length;
    if (errors > 0) {
      notes.push(
        `note: ${file} has ${errors} error${errors === 1 ? '' : 's'}; evaluating what can be ` +
          `read. Run 'handshake policy check ${file}' for details.`,
      );
    }
    policies.push({ name: file, document: validation.json, attachedTo });
  }

  const decision = evaluate(request, policies, context.context);
  const stdout = options.json
    ? `${JSON.stringify(decision, null, 2)}\n`
    : explainDecision(decision);
  const stderr = notes.length > 0 ? `${notes.join('\n')}\n` : '';

  return { exitCode: decision.allowed ? 0 : 1, stdout, stderr };
}

function parseArgs(args: string[]): TestOptions | string {
  const options: TestOptions = {
    policies: [],
    groupPolicies: [],
    action: '',
    target: {},
    context: undefined,
    scope: {},
    json: false,
  };
  let list: string[] | undefined;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--json') {
      options.json = true;
      list = undefined;
    } else if (LIST_OPTIONS.includes(arg)) {
      list = arg === '--policy' ? options.policies : options.groupPolicies;
    } else if (VALUE_OPTIONS.includes(arg)) {
      const value = args[++i];
      if (value === undefined) return `'${arg}' needs a value.`;
      list = undefined;
      if (!setValue(options, arg, value)) return `'${arg}' is given twice.`;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option '${arg}'.`;
    } else if (list) {
      list.push(arg);
    } else {
      return `unexpected argument '${arg}'; policy files follow --policy.`;
    }
  }

  if (options.policies.length === 0 && options.groupPolicies.length === 0) {
    return 'missing --policy <file>.';
  }
  if (options.action === '') return 'missing --action, e.g. --action iot:Publish.';

  return options;
}

/** Records one option's value; false when it was already given. */
function setValue(options: TestOptions, option: string, value: string): boolean {
  const name = option.slice(2);
  if (name === 'action') {
    if (options.action !== '') return false;
    options.action = value;
  } else if (name === 'context') {
    if (options.context !== undefined) return false;
    options.context = value;
  } else if (name === 'region' || name === 'account') {
    if (options.scope[name] !== undefined) return false;
    options.scope[name] = value;
  } else {
    const key = name as keyof TestOptions['target'];
    if (options.target[key] !== undefined) return false;
    options.target[key] = value;
  }

  return true;
}

/** The request, from the action and the one target option it needs. */
function requestOf(options: TestOptions): AuthorizationRequest | string {
  const { action, target, scope } = options;
  if (target.resource !== undefined) return { action, resource: target.resource };

  const known = canonicalAction(action);
  if (!known) return `${JSON.stringify(action)} is not an AWS IoT action; e.g. iot:Publish.`;

  const type = ACTION_RESOURCE_TYPE[known];
  const given: RequestTarget | undefined =
    type === 'client' && target.client !== undefined
      ? { clientId: target.client }
      : type === 'topic' && target.topic !== undefined
        ? { topic: target.topic }
        : type === 'topicfilter' && target.filter !== undefined
          ? { topicFilter: target.filter }
          : undefined;
  if (given === undefined && type !== '*') {
    const needs: Record<string, string> = {
      client: '--client <id>',
      topic: '--topic <name>',
      topicfilter: '--filter <filter>',
    };
    return `${known} needs ${needs[type] ?? '--resource <arn>'}.`;
  }

  const built = buildRequest(known, given ?? { topic: '' }, scope);
  return 'mistake' in built ? built.mistake : built;
}

/** The context file, with --client as iot:ClientId. */
function contextOf(
  options: TestOptions,
  files: FileReader,
): { context: RequestContext } | { error: string } {
  let context: Record<string, unknown> = {};
  if (options.context !== undefined) {
    const read = readJsonFile(files, options.context);
    if ('error' in read) return read;
    if (typeof read.json !== 'object' || read.json === null || Array.isArray(read.json)) {
      return {
        error:
          `${options.context} must hold a JSON object of context keys, e.g. {"iot:ClientId": ` +
          `"sensor-1"}.`,
      };
    }
    context = { ...read.json };
  }
  if (options.target.client !== undefined) context['iot:ClientId'] = options.target.client;

  const bad = Object.entries(context).find(([, v]) => !isContextValue(v));
  if (bad) {
    return {
      error:
        `${options.context ?? 'the context'}: "${bad[0]}" must be a string, an array of ` +
        `strings, or an object of strings.`,
    };
  }

  return { context: context as RequestContext };
}

function isContextValue(v: unknown): boolean {
  if (typeof v === 'string') return true;
  if (Array.isArray(v)) return v.every((s) => typeof s === 'string');

  return (
    typeof v === 'object' && v !== null && Object.values(v).every((s) => typeof s === 'string')
  );
}

function failure(message: string): CommandResult {
  return { exitCode: 2, stdout: '', stderr: `${COMMAND}: ${message}\n` };
}

function usageError(problem: string): CommandResult {
  return { exitCode: 2, stdout: '', stderr: `${COMMAND}: ${problem}\n\n${POLICY_TEST_USAGE}\n` };
}
