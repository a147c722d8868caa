/**
 * What validation and lint can say about a policy document: each problem has a stable code, a
 * severity, the path it concerns, what was found there and what is expected instead.
 */
import { formatPath, type PolicyPath } from './policy-path.ts';

export const SEVERITIES = ['error', 'warning', 'info'] as const;

/** `error`: AWS would refuse the policy, or a part of it can never work as written. */
export type Severity = (typeof SEVERITIES)[number];

/** Every validation problem, with its title and severity. */
export const VALIDATION_CODES = {
  'json-syntax': ['The text is not JSON', 'error'],
  'document-not-object': ['The policy is not a JSON object', 'error'],
  'policy-too-large': ['Policy longer than 2048 characters', 'error'],
  'unknown-key': ['Key not in the policy grammar', 'error'],
  'duplicate-key': ['Key written twice', 'warning'],
  'version-missing': ['No Version', 'warning'],
  'version-invalid': ['Unknown Version', 'error'],
  'version-needed-for-variables': ['Policy variables need Version 2012-10-17', 'error'],
  'statement-missing': ['No Statement', 'error'],
  'statement-empty': ['No statements', 'warning'],
  'statement-not-object': ['Statement is not an object', 'error'],
  'sid-invalid': ['Sid is not a string', 'error'],
  'sid-duplicate': ['Sid used twice', 'warning'],
  'effect-missing': ['No Effect', 'error'],
  'effect-invalid': ['Effect is not Allow or Deny', 'error'],
  'action-missing': ['No Action or NotAction', 'error'],
  'action-conflict': ['Both Action and NotAction', 'error'],
  'action-not-string': ['Action is not a string', 'error'],
  'action-empty': ['Empty Action list', 'error'],
  'action-malformed': ['Action is not service:name', 'error'],
  'action-unknown': ['Not an AWS IoT action', 'error'],
  'action-other-service': ['Action of another service', 'warning'],
  'resource-missing': ['No Resource or NotResource', 'error'],
  'resource-conflict': ['Both Resource and NotResource', 'error'],
  'resource-not-string': ['Resource is not a string', 'error'],
  'resource-empty': ['Empty Resource list', 'error'],
  'resource-arn-malformed': ['Resource is not an ARN', 'error'],
  'resource-type-unknown': ['Unknown AWS IoT resource type', 'error'],
  'resource-other-service': ['Resource of another service', 'warning'],
  'condition-not-object': ['Condition is not an object', 'error'],
  'condition-operator-unknown': ['Unknown condition operator', 'error'],
  'condition-operator-not-object': ['Condition operator without keys', 'error'],
  'condition-key-unknown': ['Condition key AWS IoT never sets', 'warning'],
  'condition-value-invalid': ['Condition value of the wrong kind', 'error'],
  'variable-unterminated': ["'${' without a closing '}'", 'error'],
  'variable-unknown': ['Policy variable that never resolves', 'error'],
  'variable-multivalued': ['Multi-valued key used as a variable', 'error'],
  'variable-not-substituted-here': ['Policy variable where none is substituted', 'warning'],
} as const satisfies Record<string, readonly [string, Severity]>;

/** Every lint, with its title and severity. */
export const LINT_CODES = {
  'allow-all-iot-actions': ["Allow on every action ('iot:*')", 'warning'],
  'allow-any-resource': ['Allow on every resource ("*")', 'warning'],
  'connect-any-client': ['Any client ID may connect', 'warning'],
  'client-id-in-topic-filter': ['${iot:ClientId} in a topic filter', 'warning'],
  'deny-subscribe-bypassed-by-wildcards': [
    'Wildcard filters go around a Subscribe Deny',
    'warning',
  ],
  'subscribe-topic-arn': ['iot:Subscribe given a topic/ ARN', 'warning'],
  'resource-type-mismatch': ['Resource type no listed action uses', 'warning'],
  'subscribe-without-receive': ['Subscribe allowed without Receive', 'warning'],
  'mqtt-wildcard-in-resource': ["MQTT '+' or '#' in a policy resource", 'warning'],
  'deny-with-unresolvable-variable': ['Deny that an unresolved variable switches off', 'warning'],
} as const satisfies Record<string, readonly [string, Severity]>;

export type ValidationCode = keyof typeof VALIDATION_CODES;
export type LintCode = keyof typeof LINT_CODES;
export type ProblemCode = ValidationCode | LintCode;

/** A line and column in the policy text, both counted from 1. */
export interface SourceLocation {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One thing wrong with, or risky in, a policy document. */
export interface PolicyProblem {
  /** Stable id, e.g. `action-unknown` or `deny-subscribe-bypassed-by-wildcards`. */
  code: ProblemCode;
  severity: Severity;
  /** A few words, e.g. "Not an AWS IoT action". */
  title: string;
  /** Keys and indexes from the root of the document. */
  path: PolicyPath;
  /** The path as the learner reads it, e.g. `Statement[1].Resource[0]`. */
  at: string;
  /** What the document holds there, e.g. `"iot:Subcribe"`. */
  found: string;
  /** What is expected there, or what to write instead. */
  expected: string;
  /** What happens and what to do, in full sentences. */
  message: string;
  /** Where in the text, when the policy was given as text. */
  location?: SourceLocation;
}

/** What a check supplies; the code's title and severity and the readable path are added. */
export interface ProblemDetails {
  path: PolicyPath;
  found: string;
  expected: string;
  message: string;
}

export function problem(code: ProblemCode, details: ProblemDetails): PolicyProblem {
  const [title, severity] =
    code in VALIDATION_CODES
      ? VALIDATION_CODES[code as ValidationCode]
      : LINT_CODES[code as LintCode];

  return { code, severity, title, at: formatPath(details.path), ...details };
}

/** A JSON value as it would appear in the document, shortened if long. */
export function shown(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);

  return text.length > 90 ? `${text.slice(0, 75)}…${text.slice(-10)}` : text;
}
