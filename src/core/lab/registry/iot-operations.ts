/**
 * The LabRegistry calls beyond certificates, each one transaction over the registry document,
 * run by the same queue as the certificate calls (create-certificate-registry.ts).
 */
import type { CertificateRegistry } from '../certificate-registry.ts';
import type { LabRegistry } from '../iot-registry.ts';
import * as attach from './attachment-flows.ts';
import { connectionFacts } from './connection-facts.ts';
import { iotOf, type RegistryTransaction } from './registry-transaction.ts';
import * as policies from './policy-flows.ts';
import * as groups from './thing-group-flows.ts';
import { findGroup } from './principal-targets.ts';
import * as things from './thing-flows.ts';
import { registryArn } from './iot-names.ts';

/** Runs one step as one transaction. */
export type RunTransaction = <T>(step: (tx: RegistryTransaction) => Promise<T>) => Promise<T>;

export type IotOperations = Omit<LabRegistry, keyof CertificateRegistry>;

export function iotOperations(run: RunTransaction): IotOperations {
  /** A step that cannot wait on anything, as most registry steps are. */
  const now = <T>(step: (tx: RegistryTransaction) => T) => run(async (tx) => step(tx));

  return {
    createPolicy: (name, document) => now((tx) => policies.createPolicy(tx, name, document)),
    getPolicy: (name) => now((tx) => policies.policyDescription(policies.findPolicy(tx, name))),
    listPolicies: () =>
      now((tx) =>
        iotOf(tx).policies.map((p) => ({
          policyName: p.policyName,
          policyArn: registryArn('policy', p.policyName),
        })),
      ),
    deletePolicy: (name) => now((tx) => policies.deletePolicy(tx, name)),
    createPolicyVersion: (name, document, options = {}) =>
      now((tx) => policies.createPolicyVersion(tx, name, document, options.setAsDefault === true)),
    getPolicyVersion: (name, versionId) =>
      now((tx) => {
        const policy = policies.findPolicy(tx, name);
        return policies.versionDescription(policy, policies.findVersion(policy, versionId));
      }),
    listPolicyVersions: (name) =>
      now((tx) => policies.versionSummaries(policies.findPolicy(tx, name))),
    setDefaultPolicyVersion: (name, versionId) =>
      now((tx) => policies.setDefaultPolicyVersion(tx, name, versionId)),
    deletePolicyVersion: (name, versionId) =>
      now((tx) => policies.deletePolicyVersion(tx, name, versionId)),

    attachPolicy: (name, target) => now((tx) => attach.attachPolicy(tx, name, target)),
    detachPolicy: (name, target) => now((tx) => attach.detachPolicy(tx, name, target)),
    listAttachedPolicies: (target) => now((tx) => attach.listAttachedPolicies(tx, target)),
    listTargetsForPolicy: (name) => now((tx) => attach.listTargetsForPolicy(tx, name)),

    createThingType: (name) => now((tx) => things.createThingType(tx, name)),
    listThingTypes: () => now((tx) => iotOf(tx).thingTypes.map(things.thingTypeRecord)),
    createThing: (options) => now((tx) => things.createThing(tx, options)),
    describeThing: (name) => now((tx) => things.thingRecord(things.findThing(tx, name))),
    listThings: () => now((tx) => iotOf(tx).things.map(things.thingRecord)),
    updateThing: (name, update) => now((tx) => things.updateThing(tx, name, update)),
    deleteThing: (name) => now((tx) => things.deleteThing(tx, name)),

    attachThingPrincipal: (name, principal, options = {}) =>
      now((tx) => attach.attachThingPrincipal(tx, name, principal, options.exclusive === true)),
    detachThingPrincipal: (name, principal) =>
      now((tx) => attach.detachThingPrincipal(tx, name, principal)),
    listThingPrincipals: (name) => now((tx) => attach.listThingPrincipals(tx, name)),
    listPrincipalThings: (principal) => now((tx) => attach.listPrincipalThings(tx, principal)),

    createThingGroup: (name, options = {}) =>
      now((tx) => groups.createThingGroup(tx, name, options.parentGroupName)),
    describeThingGroup: (name) => now((tx) => groups.thingGroupRecord(findGroup(tx, name))),
    listThingGroups: () => now((tx) => iotOf(tx).thingGroups.map(groups.thingGroupRecord)),
    deleteThingGroup: (name) => now((tx) => groups.deleteThingGroup(tx, name)),
    addThingToThingGroup: (group, thing) =>
      now((tx) => groups.addThingToThingGroup(tx, group, thing)),
    removeThingFromThingGroup: (group, thing) =>
      now((tx) => groups.removeThingFromThingGroup(tx, group, thing)),
    listThingGroupsForThing: (thing) =>
      now((tx) =>
        groups
          .groupsOfThing(tx, things.findThing(tx, thing).thingName)
          .map(groups.thingGroupRecord),
      ),
    listThingsInThingGroup: (group) => now((tx) => [...findGroup(tx, group).thingNames]),

    connectionFacts: (certificateId, clientId) =>
      now((tx) => connectionFacts(tx, certificateId, clientId)),
  };
}
