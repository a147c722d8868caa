/**
 * The lab registry beyond certificates: IoT policies with versions, their attachments, things,
 * thing types and thing groups, in the shapes of the AWS IoT API (API_CreatePolicy,
 * API_CreatePolicyVersion, API_AttachPolicy, API_CreateThing, API_AttachThingPrincipal,
 * API_CreateThingGroup; spec §2.2, §5.2, §6). One port, two stores, as for certificates; the
 * terminal's `aws iot` commands, the widgets and the brokers talk to it.
 */
import type { AttachedTo } from '../policy/decision.ts';
import type { PolicyProblem } from '../policy/policy-problem.ts';
import {
  RegistryError,
  type CertificateRecord,
  type CertificateRegistry,
} from './certificate-registry.ts';

/** At most five versions of a policy (API_CreatePolicyVersion). */
export const MAX_POLICY_VERSIONS = 5;

/** How a certificate is attached to a thing (API_AttachThingPrincipal `thingPrincipalType`). */
export const THING_PRINCIPAL_TYPES = ['NON_EXCLUSIVE_THING', 'EXCLUSIVE_THING'] as const;
export type ThingPrincipalType = (typeof THING_PRINCIPAL_TYPES)[number];

/** A policy as ListPolicies names it. */
export interface PolicySummary {
  policyName: string;
  /** `arn:aws:iot:<region>:<account>:policy/<name>`. */
  policyArn: string;
}

/** GetPolicy: the policy and the text of its default version. */
export interface PolicyDescription extends PolicySummary {
  /** The default version's document, as the learner wrote it. */
  policyDocument: string;
  defaultVersionId: string;
  createdAt: string;
  updatedAt: string;
}

/** CreatePolicy, CreatePolicyVersion and GetPolicyVersion: one version. */
export interface PolicyVersionDescription extends PolicySummary {
  policyDocument: string;
  /** "1", "2", …; AWS never reuses a number, even after a version is deleted. */
  versionId: string;
  isDefaultVersion: boolean;
  createdAt: string;
}

/** ListPolicyVersions: one entry. */
export interface PolicyVersionSummary {
  versionId: string;
  isDefaultVersion: boolean;
  createdAt: string;
}

export interface ThingTypeRecord {
  thingTypeName: string;
  thingTypeArn: string;
  createdAt: string;
}

export interface ThingRecord {
  thingName: string;
  thingArn: string;
  thingTypeName: string | null;
  /** Up to 50 name/value pairs, read by `iot:Connection.Thing.Attributes[name]`. */
  attributes: Record<string, string>;
  /** Starts at 1, grows with each UpdateThing, as AWS counts it. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** UpdateThing: new attributes (merged or replacing) and a new type (null removes it). */
export interface ThingUpdate {
  thingTypeName?: string | null;
  attributes?: Record<string, string>;
  /** Default false: the attributes replace the old ones. With merge, "" removes an attribute. */
  merge?: boolean;
}

export interface ThingGroupRecord {
  thingGroupName: string;
  thingGroupArn: string;
  /** The group this one sits in; its policies are inherited (spec §6). */
  parentGroupName: string | null;
  createdAt: string;
}

/** One certificate attached to one thing. */
export interface ThingPrincipalAttachment {
  thingName: string;
  /** The certificate's ARN, `arn:aws:iot:<region>:<account>:cert/<id>`. */
  principal: string;
  certificateId: string;
  thingPrincipalType: ThingPrincipalType;
}

/** A policy document in force for a connection, and where it was attached. */
export interface PolicyInEffect {
  policyName: string;
  versionId: string;
  /** The parsed JSON of the default version. */
  document: unknown;
  attachedTo: AttachedTo;
  /** The certificate ARN or thing-group ARN it is attached to. */
  target: string;
}

/** What the registry knows about one device connection, for the broker's request context. */
export interface ConnectionFacts {
  certificate: CertificateRecord | null;
  /**
   * The thing linked to the connection: the attached thing named as the client ID, or the
   * exclusively attached thing (spec §5.2). Null when none is linked.
   */
  thing: ThingRecord | null;
  /** The linked thing's groups, each followed by its parents, nearest first. */
  thingGroups: string[];
  /** Certificate policies, then the groups' policies (the engine decides if those apply). */
  policies: PolicyInEffect[];
}

/** The certificate registry plus AWS IoT's policies, things and thing groups. */
export interface LabRegistry extends CertificateRegistry {
  /** CreatePolicy: validates the document; an invalid one is refused as `malformed-policy`. */
  createPolicy(policyName: string, policyDocument: string): Promise<PolicyVersionDescription>;
  getPolicy(policyName: string): Promise<PolicyDescription>;
  listPolicies(): Promise<PolicySummary[]>;
  /** Refused (`policy-attached`) while the policy is attached to anything, as AWS does. */
  deletePolicy(policyName: string): Promise<void>;
  /** A sixth version is refused (`version-limit`); delete one first. */
  createPolicyVersion(
    policyName: string,
    policyDocument: string,
    options?: { setAsDefault?: boolean },
  ): Promise<PolicyVersionDescription>;
  getPolicyVersion(policyName: string, versionId: string): Promise<PolicyVersionDescription>;
  listPolicyVersions(policyName: string): Promise<PolicyVersionSummary[]>;
  setDefaultPolicyVersion(policyName: string, versionId: string): Promise<PolicyDescription>;
  /** The default version cannot be deleted (`default-version`). */
  deletePolicyVersion(policyName: string, versionId: string): Promise<void>;

  /** `target`: a certificate ID or ARN, or a thing group name or ARN. */
  attachPolicy(policyName: string, target: string): Promise<void>;
  detachPolicy(policyName: string, target: string): Promise<void>;
  listAttachedPolicies(target: string): Promise<PolicySummary[]>;
  /** The ARNs of the certificates and thing groups the policy is attached to. */
  listTargetsForPolicy(policyName: string): Promise<string[]>;

  createThingType(thingTypeName: string): Promise<ThingTypeRecord>;
  listThingTypes(): Promise<ThingTypeRecord[]>;
  createThing(options: {
    thingName: string;
    thingTypeName?: string;
    attributes?: Record<string, string>;
  }): Promise<ThingRecord>;
  describeThing(thingName: string): Promise<ThingRecord>;
  listThings(): Promise<ThingRecord[]>;
  updateThing(thingName: string, update: ThingUpdate): Promise<ThingRecord>;
  /** Refused (`thing-has-principals`) while a certificate is attached. */
  deleteThing(thingName: string): Promise<void>;

  /** `principal`: a certificate ID or ARN. `exclusive` is AWS's EXCLUSIVE_THING. */
  attachThingPrincipal(
    thingName: string,
    principal: string,
    options?: { exclusive?: boolean },
  ): Promise<ThingPrincipalAttachment>;
  detachThingPrincipal(thingName: string, principal: string): Promise<void>;
  listThingPrincipals(thingName: string): Promise<ThingPrincipalAttachment[]>;
  listPrincipalThings(principal: string): Promise<ThingPrincipalAttachment[]>;

  createThingGroup(
    thingGroupName: string,
    options?: { parentGroupName?: string },
  ): Promise<ThingGroupRecord>;
  describeThingGroup(thingGroupName: string): Promise<ThingGroupRecord>;
  listThingGroups(): Promise<ThingGroupRecord[]>;
  /** Refused while the group has child groups (`thing-group-has-children`). */
  deleteThingGroup(thingGroupName: string): Promise<void>;
  addThingToThingGroup(thingGroupName: string, thingName: string): Promise<void>;
  removeThingFromThingGroup(thingGroupName: string, thingName: string): Promise<void>;
  /** The groups the thing was added to directly (not their parents). */
  listThingGroupsForThing(thingName: string): Promise<ThingGroupRecord[]>;
  listThingsInThingGroup(thingGroupName: string): Promise<string[]>;

  /**
   * Not an AWS call: everything a broker needs to authorize the device that presented this
   * certificate with this client ID, read in one transaction so that it is consistent.
   */
  connectionFacts(certificateId: string, clientId: string): Promise<ConnectionFacts>;
}

/** CreatePolicy or CreatePolicyVersion refused a document: every problem, each with its place. */
export class MalformedPolicyError extends RegistryError {
  constructor(
    message: string,
    /** Validation errors first; the message names the first one's path, line and column. */
    readonly problems: readonly PolicyProblem[],
  ) {
    super('malformed-policy', message);
  }
}
