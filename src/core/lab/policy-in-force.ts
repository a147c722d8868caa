/**
 * "Put this policy text in force for this certificate", as the console's edit-and-attach does:
 * CreatePolicy the first time, later a new default version (deleting the oldest other version
 * when five exist, as the console asks to), then AttachPolicy unless it is attached already
 * (API_CreatePolicy, API_CreatePolicyVersion, API_AttachPolicy). The policy exercise and
 * `handshake cert attach-policy` both use it.
 */
import { MAX_POLICY_VERSIONS, type LabRegistry } from './iot-registry.ts';

export interface PolicyInForce {
  policyName: string;
  versionId: string;
  /** True when the policy was attached now; false when it already was. */
  newlyAttached: boolean;
}

type PolicyRegistry = Pick<
  LabRegistry,
  | 'listPolicies'
  | 'createPolicy'
  | 'listPolicyVersions'
  | 'deletePolicyVersion'
  | 'createPolicyVersion'
  | 'listAttachedPolicies'
  | 'attachPolicy'
>;

/** `target`: a certificate ID or ARN. An invalid document is refused as CreatePolicy refuses it. */
export async function putPolicyInForce(
  registry: PolicyRegistry,
  policyName: string,
  policyDocument: string,
  target: string,
): Promise<PolicyInForce> {
  const exists = (await registry.listPolicies()).some((p) => p.policyName === policyName);

  let versionId: string;
  if (!exists) {
    versionId = (await registry.createPolicy(policyName, policyDocument)).versionId;
  } else {
    const versions = await registry.listPolicyVersions(policyName);
    if (versions.length >= MAX_POLICY_VERSIONS) {
      const oldest = versions
        .filter((v) => !v.isDefaultVersion)
        .sort((a, b) => Number(a.versionId) - Number(b.versionId))[0];
      if (oldest) await registry.deletePolicyVersion(policyName, oldest.versionId);
    }
    const made = await registry.createPolicyVersion(policyName, policyDocument, {
      setAsDefault: true,
    });
    versionId = made.versionId;
  }

  const attached = await registry.listAttachedPolicies(target);
  const newlyAttached = !attached.some((p) => p.policyName === policyName);
  if (newlyAttached) await registry.attachPolicy(policyName, target);

  return { policyName, versionId, newlyAttached };
}
