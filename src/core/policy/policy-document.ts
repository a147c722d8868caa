/**
 * A policy document as the engine reads it (`iot-policies`, IAM JSON policy grammar): every
 * list normalised to an array, every string kept with the path it was written at.
 */
import type { PolicyPath } from './policy-path.ts';

/** The only version under which policy variables are substituted. */
export const CURRENT_VERSION = '2012-10-17';

/** The versions IAM knows; a document without one is read as the older. */
export const POLICY_VERSIONS = [CURRENT_VERSION, '2008-10-17'] as const;

export const EFFECTS = ['Allow', 'Deny'] as const;

export type Effect = (typeof EFFECTS)[number];

/** One string of an Action, NotAction, Resource, NotResource or condition value list. */
export interface ElementEntry {
  value: string;
  path: PolicyPath;
}

/** `Action` lists what the statement covers; `NotAction` covers everything else. */
export interface ActionElement {
  name: 'Action' | 'NotAction';
  entries: ElementEntry[];
}

/** `Resource` lists what the statement covers; `NotResource` covers everything else. */
export interface ResourceElement {
  name: 'Resource' | 'NotResource';
  entries: ElementEntry[];
}

/** One key under one operator, e.g. `"StringEquals": {"iot:ClientId": ["a", "b"]}`. */
export interface ConditionClause {
  /** As written, e.g. `ForAnyValue:StringLike`. */
  operator: string;
  /** As written, e.g. `iot:ConnectAttributes`. */
  key: string;
  /** Numbers and booleans are kept as the strings IAM compares them as. */
  values: ElementEntry[];
  path: PolicyPath;
}

/** A statement that has everything evaluation needs. */
export interface PolicyStatement {
  /** Position in the document's Statement list, from 0. */
  index: number;
  path: PolicyPath;
  sid?: string;
  effect: Effect;
  action: ActionElement;
  resource: ResourceElement;
  /** Empty when the statement has no Condition. All clauses must hold. */
  conditions: ConditionClause[];
}

/** A statement evaluation cannot use, and why. */
export interface SkippedStatement {
  index: number;
  path: PolicyPath;
  reason: string;
}

/** A named policy document, read. */
export interface Policy {
  name: string;
  /** As written; `undefined` when the document has no Version. */
  version: string | undefined;
  /** True only under Version 2012-10-17; otherwise `${…}` is plain text. */
  substitutesVariables: boolean;
  statements: PolicyStatement[];
  skipped: SkippedStatement[];
}
