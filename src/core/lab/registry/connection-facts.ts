/**
 * What the registry knows about one device connection (spec §5.2 and §6), in order: the
 * certificate, the thing linked to it, that thing's groups with their parents, and the policies
 * attached to the certificate and to those groups.
 */
import type { ConnectionFacts, PolicyInEffect } from '../iot-registry.ts';
import { registryArn } from './iot-names.ts';
import type { PolicyAttachmentState } from './iot-state.ts';
import { defaultVersion, findPolicy } from './policy-flows.ts';
import type { RegistryState } from './registry-state.ts';
import { iotOf, type RegistryTransaction } from './registry-transaction.ts';
import { ancestry, groupsOfThing } from './thing-group-flows.ts';
import { thingRecord } from './thing-flows.ts';

export function connectionFacts(
  tx: RegistryTransaction,
  certificateId: string,
  clientId: string,
): ConnectionFacts {
  const certificate = tx.state.certificates.find((c) => c.certificateId === certificateId) ?? null;
  const thingName = linkedThingName(tx, certificateId, clientId);
  const thing = iotOf(tx).things.find((t) => t.thingName === thingName);
  const thingGroups = thing ? groupNames(tx, thing.thingName) : [];

  const onCertificate = attachedTo(tx, 'cert', [certificateId]);
  const onGroups = attachedTo(tx, 'thinggroup', thingGroups);
  return {
    certificate,
    thing: thing ? thingRecord(thing) : null,
    thingGroups,
    policies: [...onCertificate, ...onGroups],
  };
}

/**
 * The attached thing named as the client ID; otherwise the thing the certificate is attached
 * to exclusively, which AWS links whatever the client ID (`exclusive-thing`).
 */
function linkedThingName(
  tx: RegistryTransaction,
  certificateId: string,
  clientId: string,
): string | undefined {
  const attached = iotOf(tx).thingPrincipals.filter((p) => p.certificateId === certificateId);
  const named = attached.find((p) => p.thingName === clientId);
  const exclusive = attached.find((p) => p.thingPrincipalType === 'EXCLUSIVE_THING');
  return (named ?? exclusive)?.thingName;
}

function groupNames(tx: RegistryTransaction, thingName: string): string[] {
  const names: string[] = [];
  for (const group of groupsOfThing(tx, thingName)) {
    for (const each of ancestry(tx, group)) {
      if (!names.includes(each.thingGroupName)) names.push(each.thingGroupName);
    }
  }
  return names;
}

function attachedTo(
  tx: RegistryTransaction,
  targetType: PolicyAttachmentState['targetType'],
  names: string[],
): PolicyInEffect[] {
  const attachments = iotOf(tx).policyAttachments;
  return names.flatMap((name) =>
    attachments
      .filter((a) => a.targetType === targetType && a.targetName === name)
      .map((a) => {
        const version = defaultVersion(findPolicy(tx, a.policyName));
        return {
          policyName: a.policyName,
          versionId: version.versionId,
          document: JSON.parse(version.document) as unknown,
          attachedTo: targetType === 'cert' ? ('principal' as const) : ('thing-group' as const),
          target: registryArn(targetType, name),
        };
      }),
  );
}

/**
 * The same facts read straight from a saved registry document, for a reader that must not
 * load the whole registry (the in-page lab's worker, which keeps the PKI code out).
 */
export function factsFromState(
  state: RegistryState,
  certificateId: string,
  clientId: string,
): ConnectionFacts {
  const reading: RegistryTransaction = { state, now: new Date(), changed: () => {} };
  return connectionFacts(reading, certificateId, clientId);
}
