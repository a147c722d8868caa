/**
 * What evaluation returns: the decision and every reason behind it, for the terminal, widgets,
 * the broker's log and tests alike.
 */
import type { ClauseResult } from './condition.ts';
import type { Effect, SkippedStatement } from './policy-document.ts';
import type { PolicyPath } from './policy-path.ts';
import type { VariableUse } from './policy-variable.ts';
import type { AuthorizationRequest } from './request.ts';

export const OUTCOMES = ['allowed', 'explicitly-denied', 'implicitly-denied'] as const;

/** Allowed by an Allow; denied by a Deny; or denied because nothing allowed it. */
export type Outcome = (typeof OUTCOMES)[number];

/** Policies attach to a principal (certificate, Cognito identity) or to a static thing group. */
export type AttachedTo = 'principal' | 'thing-group';

/** A policy to evaluate: its name and its document, parsed JSON. */
export interface AttachedPolicy {
  name: string;
  document: unknown;
  /** Default: 'principal'. Thing-group policies count only when the client ID is the thing name. */
  attachedTo?: AttachedTo;
}

/** Enough to find a statement and to name it. */
export interface StatementRef {
  policy: string;
  attachedTo: AttachedTo;
  /** Position in the policy's Statement list, from 0. */
  index: number;
  sid?: string;
  effect: Effect;
  /** E.g. `Statement[1]`. */
  at: string;
}

/** One Action or Resource entry and whether it matched the request. */
export interface EntryResult {
  written: string;
  path: PolicyPath;
  matched: boolean;
  /** For resources: the pattern after substitution, unresolved variables left as written. */
  substituted?: string;
  variables?: VariableUse[];
}

/** Whether a statement's Action/NotAction or Resource/NotResource covers the request. */
export interface ElementResult {
  element: 'Action' | 'NotAction' | 'Resource' | 'NotResource';
  matched: boolean;
  entries: EntryResult[];
  reason: string;
}

/** Whether a statement's Condition holds; true when it has none. */
export interface ConditionResult {
  holds: boolean;
  clauses: ClauseResult[];
}

/** How one statement compared with the request. */
export interface StatementResult extends StatementRef {
  /** Action, resource and condition all matched. */
  applies: boolean;
  action: ElementResult;
  resource: ElementResult;
  condition: ConditionResult;
}

/** Whether a policy took part, and the statements it had to skip. */
export interface PolicyResult {
  name: string;
  attachedTo: AttachedTo;
  inEffect: boolean;
  /** Why a thing-group policy is or is not in effect. */
  reason?: string;
  skipped: SkippedStatement[];
}

/** For an implicit deny: the Allow that came closest, and what it lacks. */
export interface NearMiss {
  statement: StatementRef;
  /** One sentence per part that did not match. */
  lacks: string[];
}

/** The decision on one request, with its reasons. */
export interface Decision {
  allowed: boolean;
  outcome: Outcome;
  request: AuthorizationRequest;
  /** The first Deny that applied, or else the first Allow that applied. */
  decidingStatement?: StatementRef;
  /** Every statement that applied, Allow and Deny. */
  matchingStatements: StatementRef[];
  /** Every statement of every policy in effect, in order. */
  statements: StatementResult[];
  policies: PolicyResult[];
  nearMiss?: NearMiss;
  /** One sentence, e.g. "Allowed by policy 'p' Statement[1] (Sid "Pub")". */
  summary: string;
}
