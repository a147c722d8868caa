/**
 * The part of the registry document that holds AWS IoT's policies, things and thing groups. It
 * is optional in the saved JSON: a registry written before these existed loads as empty here.
 */
import type { ThingPrincipalType, ThingRecord, ThingTypeRecord } from '../iot-registry.ts';

export interface PolicyVersionState {
  versionId: string;
  /** The document as the learner wrote it. */
  document: string;
  createdAt: string;
}

export interface PolicyState {
  policyName: string;
  versions: PolicyVersionState[];
  defaultVersionId: string;
  /** AWS numbers versions 1, 2, … and never reuses a number. */
  nextVersionId: number;
  createdAt: string;
  updatedAt: string;
}

export interface ThingGroupState {
  thingGroupName: string;
  parentGroupName: string | null;
  createdAt: string;
  /** Names of the things added to this group directly. */
  thingNames: string[];
}

/** One AttachPolicy: the policy name and the certificate ID or thing group name. */
export interface PolicyAttachmentState {
  policyName: string;
  targetType: 'cert' | 'thinggroup';
  /** A certificate ID or a thing group name. */
  targetName: string;
}

export interface ThingPrincipalState {
  thingName: string;
  certificateId: string;
  thingPrincipalType: ThingPrincipalType;
}

export interface IotState {
  policies: PolicyState[];
  policyAttachments: PolicyAttachmentState[];
  thingTypes: Omit<ThingTypeRecord, 'thingTypeArn'>[];
  things: Omit<ThingRecord, 'thingArn'>[];
  thingPrincipals: ThingPrincipalState[];
  thingGroups: ThingGroupState[];
}

const COLLECTIONS = [
  'policies',
  'policyAttachments',
  'thingTypes',
  'things',
  'thingPrincipals',
  'thingGroups',
] as const satisfies readonly (keyof IotState)[];

export function emptyIotState(): IotState {
  return {
    policies: [],
    policyAttachments: [],
    thingTypes: [],
    things: [],
    thingPrincipals: [],
    thingGroups: [],
  };
}

/** What is wrong with a saved `iot` section, or null; a missing section is fine. */
export function iotOutlineProblem(value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return '"iot" is not a JSON object';

  const section = value as Record<string, unknown>;
  const wrong = COLLECTIONS.find((name) => !Array.isArray(section[name] ?? []));
  return wrong ? `"iot.${wrong}" is not a list` : null;
}

/** The section, with any collection an older lab did not write filled in empty. */
export function completeIotState(value: Partial<IotState> | undefined): IotState {
  return { ...emptyIotState(), ...(value ?? {}) };
}
