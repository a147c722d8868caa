/**
 * Static thing groups (API_CreateThingGroup, API_AddThingToThingGroup,
 * API_ListThingGroupsForThing): a group may sit in a parent group, and a thing in a group gets
 * the policies of the group and of every group above it (spec §6, `thing-groups`).
 */
import type { ThingGroupRecord } from '../iot-registry.ts';
import { checkName, checkNew, registryArn } from './iot-names.ts';
import type { ThingGroupState } from './iot-state.ts';
import { findGroup } from './principal-targets.ts';
import { registryError } from './registry-errors.ts';
import { iotOf, type RegistryTransaction } from './registry-transaction.ts';
import { findThing } from './thing-flows.ts';

/** AWS IoT allows a group hierarchy at most seven levels deep. */
export const MAX_GROUP_DEPTH = 7;

export function createThingGroup(
  tx: RegistryTransaction,
  thingGroupName: unknown,
  parentGroupName: unknown,
): ThingGroupRecord {
  const name = checkName('thing group', thingGroupName);
  const iot = iotOf(tx);
  checkNew(
    'thing group',
    name,
    iot.thingGroups.some((g) => g.thingGroupName === name),
  );

  const parent = parentGroupName === undefined ? null : findGroup(tx, parentGroupName);
  if (parent && ancestry(tx, parent).length >= MAX_GROUP_DEPTH) {
    throw registryError(
      'limit-exceeded',
      `Thing group "${parent.thingGroupName}" is already ${MAX_GROUP_DEPTH} levels deep, the ` +
        'deepest AWS IoT allows. Choose a parent higher up.',
    );
  }

  const group: ThingGroupState = {
    thingGroupName: name,
    parentGroupName: parent?.thingGroupName ?? null,
    createdAt: tx.now.toISOString(),
    thingNames: [],
  };
  iot.thingGroups.push(group);
  tx.changed({
    record: 'thing-group',
    id: name,
    what: parent ? `created in "${parent.thingGroupName}"` : 'created',
  });
  return thingGroupRecord(group);
}

export function deleteThingGroup(tx: RegistryTransaction, thingGroupName: unknown): void {
  const group = findGroup(tx, thingGroupName);
  const iot = iotOf(tx);
  const children = iot.thingGroups.filter((g) => g.parentGroupName === group.thingGroupName);
  if (children.length > 0) {
    throw registryError(
      'thing-group-has-children',
      `Thing group "${group.thingGroupName}" is the parent of ` +
        `${children.map((c) => `"${c.thingGroupName}"`).join(', ')}. Delete those first.`,
    );
  }

  iot.thingGroups = iot.thingGroups.filter((g) => g !== group);
  // As AWS does, deleting a group also removes the policies attached to it.
  iot.policyAttachments = iot.policyAttachments.filter(
    (a) => !(a.targetType === 'thinggroup' && a.targetName === group.thingGroupName),
  );
  tx.changed({ record: 'thing-group', id: group.thingGroupName, what: 'deleted' });
}

export function addThingToThingGroup(
  tx: RegistryTransaction,
  thingGroupName: unknown,
  thingName: unknown,
): void {
  const group = findGroup(tx, thingGroupName);
  const thing = findThing(tx, thingName);
  if (group.thingNames.includes(thing.thingName)) return;

  group.thingNames.push(thing.thingName);
  tx.changed({
    record: 'thing-group',
    id: group.thingGroupName,
    what: `thing "${thing.thingName}" added`,
  });
}

export function removeThingFromThingGroup(
  tx: RegistryTransaction,
  thingGroupName: unknown,
  thingName: unknown,
): void {
  const group = findGroup(tx, thingGroupName);
  const thing = findThing(tx, thingName);
  if (!group.thingNames.includes(thing.thingName)) {
    throw registryError(
      'not-attached',
      `Thing "${thing.thingName}" is not in thing group "${group.thingGroupName}".`,
    );
  }

  group.thingNames = group.thingNames.filter((n) => n !== thing.thingName);
  tx.changed({
    record: 'thing-group',
    id: group.thingGroupName,
    what: `thing "${thing.thingName}" removed`,
  });
}

export function groupsOfThing(tx: RegistryTransaction, thingName: string): ThingGroupState[] {
  return iotOf(tx).thingGroups.filter((g) => g.thingNames.includes(thingName));
}

/** The group and its parents, nearest first. */
export function ancestry(tx: RegistryTransaction, group: ThingGroupState): ThingGroupState[] {
  const chain: ThingGroupState[] = [];
  let current: ThingGroupState | undefined = group;
  while (current && !chain.includes(current)) {
    chain.push(current);
    const parent: string | null = current.parentGroupName;
    current = iotOf(tx).thingGroups.find((g) => g.thingGroupName === parent);
  }
  return chain;
}

export function thingGroupRecord(group: ThingGroupState): ThingGroupRecord {
  return {
    thingGroupName: group.thingGroupName,
    thingGroupArn: registryArn('thinggroup', group.thingGroupName),
    parentGroupName: group.parentGroupName,
    createdAt: group.createdAt,
  };
}
