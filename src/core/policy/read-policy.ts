/**
 * From a JSON value to a `Policy`: the grammar of the document and of each statement
 * (`iot-policies`, IAM JSON policy element reference). Problems are returned, never thrown;
 * whatever can still be evaluated is kept.
 */
import { CURRENT_VERSION, POLICY_VERSIONS, type Policy } from './policy-document.ts';
import type { PolicyPath } from './policy-path.ts';
import { problem, shown, type PolicyProblem } from './policy-problem.ts';
import { describeJson, isObject, unknownKeys, type JsonObject } from './json-value.ts';
import { duplicateSids, readStatement, type StatementParts } from './read-statement.ts';

export type { StatementParts } from './read-statement.ts';

export interface ReadPolicy {
  policy: Policy;
  /** Every statement, in order, including those evaluation skips. */
  parts: StatementParts[];
  problems: PolicyProblem[];
}

const DOCUMENT_KEYS = ['Version', 'Id', 'Statement'] as const;
/** Reads a parsed document under a name (a file name, "policy", "thingGroupPolicies[0]"). */
export function readPolicy(json: unknown, name: string): ReadPolicy {
  const problems: PolicyProblem[] = [];
  const parts: StatementParts[] = [];
  const policy: Policy = {
    name,
    version: undefined,
    substitutesVariables: false,
    statements: [],
    skipped: [],
  };

  if (!isObject(json)) {
    problems.push(
      problem('document-not-object', {
        path: [],
        found: describeJson(json),
        expected: 'an object with "Version" and "Statement"',
        message:
          `The policy is ${describeJson(json)}, but a policy document is one JSON object: ` +
          '{"Version": "2012-10-17", "Statement": [ … ]}.',
      }),
    );
    return { policy, parts, problems };
  }

  problems.push(...unknownKeys(json, [], DOCUMENT_KEYS, 'policy document'));
  readVersion(json, policy, problems);

  const statements = json['Statement'];
  if (statements === undefined) {
    problems.push(
      problem('statement-missing', {
        path: ['Statement'],
        found: 'nothing',
        expected: 'a "Statement" array of statement objects',
        message:
          'The policy has no "Statement", so it grants and denies nothing. Add ' +
          '"Statement": [{"Effect": "Allow", "Action": …, "Resource": …}].',
      }),
    );
    return { policy, parts, problems };
  }

  // IAM also accepts a single statement object; every IoT example writes an array.
  const list = Array.isArray(statements) ? statements : [statements];
  const pathOf = (i: number): PolicyPath =>
    Array.isArray(statements) ? ['Statement', i] : ['Statement'];
  if (list.length === 0) {
    problems.push(
      problem('statement-empty', {
        path: ['Statement'],
        found: '[]',
        expected: 'at least one statement',
        message: 'The Statement list is empty, so this policy allows nothing and denies nothing.',
      }),
    );
  }

  list.forEach((value, index) => {
    const read = readStatement(value, index, pathOf(index), problems);
    parts.push(read);
    if (read.statement) policy.statements.push(read.statement);
    else policy.skipped.push({ index, path: read.path, reason: read.skipReason });
  });
  problems.push(...duplicateSids(policy.statements));

  return { policy, parts, problems };
}

function readVersion(json: JsonObject, policy: Policy, problems: PolicyProblem[]): void {
  const version = json['Version'];
  if (version === undefined) {
    problems.push(
      problem('version-missing', {
        path: ['Version'],
        found: 'nothing',
        expected: `"Version": "${CURRENT_VERSION}"`,
        message:
          'The policy has no "Version", so it is read as version 2008-10-17, under which ' +
          `policy variables such as \${iot:ClientId} are plain text. Add "Version": ` +
          `"${CURRENT_VERSION}".`,
      }),
    );
    return;
  }

  if (typeof version !== 'string' || !(POLICY_VERSIONS as readonly string[]).includes(version)) {
    problems.push(
      problem('version-invalid', {
        path: ['Version'],
        found: shown(version),
        expected: `"${CURRENT_VERSION}"`,
        message:
          `"Version" is ${shown(version)}, but it is a fixed date naming the policy language, ` +
          `not your policy's version: write "${CURRENT_VERSION}".`,
      }),
    );
    return;
  }

  policy.version = version;
  policy.substitutesVariables = version === CURRENT_VERSION;
}
