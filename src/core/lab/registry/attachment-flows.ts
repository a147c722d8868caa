/**
 * Attachments: policies to certificates and thing groups (API_AttachPolicy, API_DetachPolicy,
 * API_ListAttachedPolicies, API_ListTargetsForPolicy), and certificates to things
 * (API_AttachThingPrincipal with its EXCLUSIVE_THING type, spec §5.2).
 */
import type { PolicySummary, ThingPrincipalAttachment } from '../iot-registry.ts';
import { registryArn } from './iot-names.ts';
import type { PolicyAttachmentState, ThingPrincipalState } from './iot-state.ts';
import { findPolicy } from './policy-flows.ts';
import { findPrincipal, findTarget, type AttachmentTarget } from './principal-targets.ts';
import { registryError, shortId } from './registry-errors.ts';
import { iotOf, type RegistryTransaction } from './registry-transaction.ts';
import { findThing } from './thing-flows.ts';

/** Policies per certificate (quotas) and per static thing group (`thing-groups`, spec §2.2). */
export const MAX_POLICIES = { cert: 10, thinggroup: 2 } as const;

export function attachPolicy(tx: RegistryTransaction, policyName: unknown, target: unknown): void {
  const policy = findPolicy(tx, policyName);
  const found = targetState(findTarget(tx, target));
  const iot = iotOf(tx);
  const same = (a: PolicyAttachmentState) =>
    a.targetType === found.targetType && a.targetName === found.targetName;
  if (iot.policyAttachments.some((a) => same(a) && a.policyName === policy.policyName)) return;

  const count = iot.policyAttachments.filter(same).length;
  if (count >= MAX_POLICIES[found.targetType]) {
    throw registryError(
      'limit-exceeded',
      `${describeTarget(found)} already has ${count} policies, the most AWS IoT allows. Detach ` +
        'one first, or merge two policies into one.',
    );
  }

  iot.policyAttachments.push({ policyName: policy.policyName, ...found });
  tx.changed({ record: 'attachment', id: policy.policyName, what: `attached to ${arnOf(found)}` });
}

export function detachPolicy(tx: RegistryTransaction, policyName: unknown, target: unknown): void {
  const policy = findPolicy(tx, policyName);
  const found = targetState(findTarget(tx, target));
  const iot = iotOf(tx);
  const index = iot.policyAttachments.findIndex(
    (a) =>
      a.policyName === policy.policyName &&
      a.targetType === found.targetType &&
      a.targetName === found.targetName,
  );
  if (index < 0) {
    throw registryError(
      'not-attached',
      `Policy "${policy.policyName}" is not attached to ${describeTarget(found)}, so there is ` +
        'nothing to detach. List its targets (ListTargetsForPolicy) to see where it is attached.',
    );
  }

  iot.policyAttachments.splice(index, 1);
  tx.changed({
    record: 'attachment',
    id: policy.policyName,
    what: `detached from ${arnOf(found)}`,
  });
}

export function listAttachedPolicies(tx: RegistryTransaction, target: unknown): PolicySummary[] {
  const found = targetState(findTarget(tx, target));
  return iotOf(tx)
    .policyAttachments.filter(
      (a) => a.targetType === found.targetType && a.targetName === found.targetName,
    )
    .map((a) => ({ policyName: a.policyName, policyArn: registryArn('policy', a.policyName) }));
}

export function listTargetsForPolicy(tx: RegistryTransaction, policyName: unknown): string[] {
  const policy = findPolicy(tx, policyName);
  return iotOf(tx)
    .policyAttachments.filter((a) => a.policyName === policy.policyName)
    .map(arnOf);
}

export function attachThingPrincipal(
  tx: RegistryTransaction,
  thingName: unknown,
  principal: unknown,
  exclusive: boolean,
): ThingPrincipalAttachment {
  const thing = findThing(tx, thingName);
  const certificate = findPrincipal(tx, principal);
  const iot = iotOf(tx);
  const others = iot.thingPrincipals.filter(
    (p) => p.certificateId === certificate.certificateId && p.thingName !== thing.thingName,
  );
  const blocking = others.find((p) => exclusive || p.thingPrincipalType === 'EXCLUSIVE_THING');
  if (blocking) {
    throw registryError(
      'exclusive-thing',
      `Certificate ${shortId(certificate.certificateId)} is attached to thing ` +
        `"${blocking.thingName}"${blocking.thingPrincipalType === 'EXCLUSIVE_THING' ? ' exclusively' : ''}, ` +
        `so it cannot also be attached to "${thing.thingName}"${exclusive ? ' exclusively' : ''}. ` +
        `Detach it from "${blocking.thingName}" first.`,
    );
  }

  const thingPrincipalType = exclusive ? 'EXCLUSIVE_THING' : 'NON_EXCLUSIVE_THING';
  const existing = iot.thingPrincipals.find(
    (p) => p.certificateId === certificate.certificateId && p.thingName === thing.thingName,
  );
  if (existing?.thingPrincipalType === thingPrincipalType) return attachment(existing);

  const state: ThingPrincipalState = {
    thingName: thing.thingName,
    certificateId: certificate.certificateId,
    thingPrincipalType,
  };
  iot.thingPrincipals = iot.thingPrincipals.filter((p) => p !== existing).concat(state);
  tx.changed({
    record: 'attachment',
    id: thing.thingName,
    what: `principal cert/${shortId(certificate.certificateId)} attached (${thingPrincipalType})`,
  });
  return attachment(state);
}

export function detachThingPrincipal(
  tx: RegistryTransaction,
  thingName: unknown,
  principal: unknown,
): void {
  const thing = findThing(tx, thingName);
  const certificate = findPrincipal(tx, principal);
  const iot = iotOf(tx);
  const found = iot.thingPrincipals.find(
    (p) => p.certificateId === certificate.certificateId && p.thingName === thing.thingName,
  );
  if (!found) {
    throw registryError(
      'not-attached',
      `Certificate ${shortId(certificate.certificateId)} is not attached to thing ` +
        `"${thing.thingName}". List the thing's principals (ListThingPrincipals) to see which are.`,
    );
  }

  iot.thingPrincipals = iot.thingPrincipals.filter((p) => p !== found);
  tx.changed({
    record: 'attachment',
    id: thing.thingName,
    what: `principal cert/${shortId(certificate.certificateId)} detached`,
  });
}

export function listThingPrincipals(
  tx: RegistryTransaction,
  thingName: unknown,
): ThingPrincipalAttachment[] {
  const thing = findThing(tx, thingName);
  return iotOf(tx)
    .thingPrincipals.filter((p) => p.thingName === thing.thingName)
    .map(attachment);
}

export function listPrincipalThings(
  tx: RegistryTransaction,
  principal: unknown,
): ThingPrincipalAttachment[] {
  const certificate = findPrincipal(tx, principal);
  return iotOf(tx)
    .thingPrincipals.filter((p) => p.certificateId === certificate.certificateId)
    .map(attachment);
}

/** Whether a certificate still has policies or things attached, which DeleteCertificate refuses. */
export function certificateAttachments(tx: RegistryTransaction, certificateId: string): string[] {
  const iot = iotOf(tx);
  const policies = iot.policyAttachments
    .filter((a) => a.targetType === 'cert' && a.targetName === certificateId)
    .map((a) => `policy "${a.policyName}"`);
  const things = iot.thingPrincipals
    .filter((p) => p.certificateId === certificateId)
    .map((p) => `thing "${p.thingName}"`);
  return [...policies, ...things];
}

function attachment(state: ThingPrincipalState): ThingPrincipalAttachment {
  return { ...state, principal: registryArn('cert', state.certificateId) };
}

function targetState(target: AttachmentTarget): Omit<PolicyAttachmentState, 'policyName'> {
  return target.targetType === 'cert'
    ? { targetType: 'cert', targetName: target.certificate.certificateId }
    : { targetType: 'thinggroup', targetName: target.group.thingGroupName };
}

function arnOf(target: Omit<PolicyAttachmentState, 'policyName'>): string {
  return registryArn(target.targetType, target.targetName);
}

function describeTarget(target: Omit<PolicyAttachmentState, 'policyName'>): string {
  return target.targetType === 'cert'
    ? `certificate ${shortId(target.targetName)}`
    : `thing group "${target.targetName}"`;
}
