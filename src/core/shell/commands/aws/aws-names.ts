/**
 * Certificate IDs, policy names and thing names for Tab, learned from the lab registry after
 * each `aws iot` command, so that `--certificate-id <Tab>` offers the certificates just made.
 */
import type { LabRegistry } from '../../../lab/iot-registry.ts';
import { registryArn } from '../../../lab/registry/iot-names.ts';
import type { LabNames } from '../../lab-names.ts';

interface Known {
  certificates: string[];
  principals: string[];
  policies: string[];
  things: string[];
}

const known = new WeakMap<LabNames, Known>();

export async function rememberNames(names: LabNames, registry: LabRegistry): Promise<void> {
  let entry = known.get(names);
  if (!entry) {
    const fresh: Known = { certificates: [], principals: [], policies: [], things: [] };
    names.provide('certificate', () => fresh.certificates);
    names.provide('principal', () => fresh.principals);
    names.provide('policy', () => fresh.policies);
    names.provide('thing', () => fresh.things);
    known.set(names, fresh);
    entry = fresh;
  }

  const [certificates, policies, things] = await Promise.all([
    registry.listCertificates(),
    registry.listPolicies(),
    registry.listThings(),
    // Only Tab's suggestions depend on this; the command itself already reported its result.
  ]).catch(() => [[], [], []] as const);
  entry.certificates = certificates.map((c) => c.certificateId);
  entry.principals = certificates.map((c) => registryArn('cert', c.certificateId));
  entry.policies = policies.map((p) => p.policyName);
  entry.things = things.map((t) => t.thingName);
}
