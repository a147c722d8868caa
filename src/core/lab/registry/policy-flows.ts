/**
 * IoT policies and their versions (spec §2.2; API_CreatePolicy, API_CreatePolicyVersion,
 * API_SetDefaultPolicyVersion, API_DeletePolicy, API_DeletePolicyVersion): at most five
 * versions, one of them the default, the one in force.
 */
import { checkPolicy } from '../../policy/check-policy.ts';
import {
  MAX_POLICY_VERSIONS,
  MalformedPolicyError,
  type PolicyDescription,
  type PolicyVersionDescription,
  type PolicyVersionSummary,
} from '../iot-registry.ts';
import { checkName, checkNew, registryArn } from './iot-names.ts';
import type { PolicyState, PolicyVersionState } from './iot-state.ts';
import { registryError } from './registry-errors.ts';
import { iotOf, type RegistryTransaction } from './registry-transaction.ts';

export function createPolicy(
  tx: RegistryTransaction,
  policyName: unknown,
  document: unknown,
): PolicyVersionDescription {
  const name = checkName('policy', policyName);
  const text = checkDocument(document, name);
  const iot = iotOf(tx);
  checkNew(
    'policy',
    name,
    iot.policies.some((p) => p.policyName === name),
  );

  const at = tx.now.toISOString();
  const policy: PolicyState = {
    policyName: name,
    versions: [{ versionId: '1', document: text, createdAt: at }],
    defaultVersionId: '1',
    nextVersionId: 2,
    createdAt: at,
    updatedAt: at,
  };
  iot.policies.push(policy);
  tx.changed({ record: 'policy', id: name, what: 'created with version 1' });
  return versionDescription(policy, policy.versions[0]!);
}

export function createPolicyVersion(
  tx: RegistryTransaction,
  policyName: unknown,
  document: unknown,
  setAsDefault: boolean,
): PolicyVersionDescription {
  const policy = findPolicy(tx, policyName);
  const text = checkDocument(document, policy.policyName);
  if (policy.versions.length >= MAX_POLICY_VERSIONS) {
    const ids = policy.versions.map((v) => v.versionId).join(', ');
    throw registryError(
      'version-limit',
      `Policy "${policy.policyName}" already has ${MAX_POLICY_VERSIONS} versions (${ids}), the ` +
        'most AWS IoT keeps. Delete a version that is not the default, then create this one.',
    );
  }

  const version: PolicyVersionState = {
    versionId: String(policy.nextVersionId),
    document: text,
    createdAt: tx.now.toISOString(),
  };
  policy.nextVersionId += 1;
  policy.versions.push(version);
  policy.updatedAt = version.createdAt;
  if (setAsDefault) policy.defaultVersionId = version.versionId;

  const how = setAsDefault ? ', now the default' : '';
  tx.changed({
    record: 'policy',
    id: policy.policyName,
    what: `version ${version.versionId} created${how}`,
  });
  return versionDescription(policy, version);
}

export function setDefaultPolicyVersion(
  tx: RegistryTransaction,
  policyName: unknown,
  versionId: unknown,
): PolicyDescription {
  const policy = findPolicy(tx, policyName);
  const version = findVersion(policy, versionId);
  if (policy.defaultVersionId !== version.versionId) {
    policy.defaultVersionId = version.versionId;
    policy.updatedAt = tx.now.toISOString();
    tx.changed({
      record: 'policy',
      id: policy.policyName,
      what: `default version ${version.versionId}`,
    });
  }
  return policyDescription(policy);
}

export function deletePolicyVersion(
  tx: RegistryTransaction,
  policyName: unknown,
  versionId: unknown,
): void {
  const policy = findPolicy(tx, policyName);
  const version = findVersion(policy, versionId);
  if (version.versionId === policy.defaultVersionId) {
    throw registryError(
      'default-version',
      `Version ${version.versionId} is the default version of policy "${policy.policyName}", the ` +
        'one in force. Set another version as the default first, or delete the whole policy.',
    );
  }

  policy.versions = policy.versions.filter((v) => v !== version);
  tx.changed({
    record: 'policy',
    id: policy.policyName,
    what: `version ${version.versionId} deleted`,
  });
}

export function deletePolicy(tx: RegistryTransaction, policyName: unknown): void {
  const policy = findPolicy(tx, policyName);
  const iot = iotOf(tx);
  const targets = iot.policyAttachments.filter((a) => a.policyName === policy.policyName);
  if (targets.length > 0) {
    const where = targets.map((t) => registryArn(t.targetType, t.targetName)).join(', ');
    throw registryError(
      'policy-attached',
      `Policy "${policy.policyName}" is attached to ${where}. Detach it from each ` +
        '(DetachPolicy), then delete it.',
    );
  }

  iot.policies = iot.policies.filter((p) => p !== policy);
  tx.changed({ record: 'policy', id: policy.policyName, what: 'deleted' });
}

export function findPolicy(tx: RegistryTransaction, policyName: unknown): PolicyState {
  const found = iotOf(tx).policies.find((p) => p.policyName === policyName);
  if (found) return found;

  throw registryError(
    'policy-not-found',
    `No policy is named ${JSON.stringify(policyName)} in this lab. List the policies to see their names.`,
  );
}

export function findVersion(policy: PolicyState, versionId: unknown): PolicyVersionState {
  const found = policy.versions.find((v) => v.versionId === versionId);
  if (found) return found;

  const ids = policy.versions.map((v) => v.versionId).join(', ');
  throw registryError(
    'version-not-found',
    `Policy "${policy.policyName}" has no version ${JSON.stringify(versionId)}; its versions are ${ids}.`,
  );
}

export function defaultVersion(policy: PolicyState): PolicyVersionState {
  return findVersion(policy, policy.defaultVersionId);
}

export function policyDescription(policy: PolicyState): PolicyDescription {
  return {
    policyName: policy.policyName,
    policyArn: registryArn('policy', policy.policyName),
    policyDocument: defaultVersion(policy).document,
    defaultVersionId: policy.defaultVersionId,
    createdAt: policy.createdAt,
    updatedAt: policy.updatedAt,
  };
}

export function versionDescription(
  policy: PolicyState,
  version: PolicyVersionState,
): PolicyVersionDescription {
  return {
    policyName: policy.policyName,
    policyArn: registryArn('policy', policy.policyName),
    policyDocument: version.document,
    versionId: version.versionId,
    isDefaultVersion: version.versionId === policy.defaultVersionId,
    createdAt: version.createdAt,
  };
}

export function versionSummaries(policy: PolicyState): PolicyVersionSummary[] {
  return policy.versions.map((v) => ({
    versionId: v.versionId,
    isDefaultVersion: v.versionId === policy.defaultVersionId,
    createdAt: v.createdAt,
  }));
}

/** The text, when the policy engine finds no error in it; else `malformed-policy` with all problems. */
function checkDocument(document: unknown, policyName: string): string {
  if (typeof document !== 'string') {
    throw registryError(
      'invalid-request',
      `Give the policy document as JSON text, not ${JSON.stringify(document)}.`,
    );
  }

  const check = checkPolicy(document, policyName);
  const errors = check.problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  if (check.valid || !first) return document;

  const where = first.location
    ? ` (line ${first.location.line}, column ${first.location.column})`
    : '';
  const more = errors.length > 1 ? ` ${errors.length - 1} more problem(s) follow.` : '';
  throw new MalformedPolicyError(
    `AWS IoT would refuse policy "${policyName}": at ${first.at || 'the top'}${where}, ` +
      `${first.message}${more}`,
    errors,
  );
}
