/**
 * For an implicit deny, the Allow statement that came closest to allowing the request, and in
 * words what it lacks: the usual mistakes (a topic/ ARN for Subscribe, an unresolved variable,
 * `+` read as a wildcard, a letter in the wrong case) are named as such.
 */
import { canonicalAction } from './action.ts';
import type { EntryResult, NearMiss, StatementRef, StatementResult } from './decision.ts';
import { wildcardMatch } from './glob.ts';
import { ACTION_RESOURCE_TYPE, parseArn, type ArnParts } from './resource-arn.ts';
import type { AuthorizationRequest } from './request.ts';

/** The nearest Allow statement, or undefined when no statement allows anything of the kind. */
export function findNearMiss(
  statements: readonly StatementResult[],
  request: AuthorizationRequest,
): NearMiss | undefined {
  let best: StatementResult | undefined;
  let bestScore = -1;
  for (const s of statements) {
    if (s.effect !== 'Allow') continue;
    const score = closeness(s, request.resource);
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  if (!best) return undefined;

  return { statement: refOf(best), lacks: lacks(best, request) };
}

/** Action counts most, then resource, then condition; a longer shared prefix breaks ties. */
function closeness(s: StatementResult, resource: string): number {
  const prefix = Math.max(
    0,
    ...s.resource.entries.map((e) => sharedPrefix(shownPattern(e), resource)),
  );

  return (
    (s.action.matched ? 4 : 0) +
    (s.resource.matched ? 2 : 0) +
    (s.condition.holds ? 1 : 0) +
    prefix / (resource.length + 1)
  );
}

function lacks(s: StatementResult, request: AuthorizationRequest): string[] {
  const missing: string[] = [];

  if (!s.action.matched) {
    const listed = s.action.entries.map((e) => JSON.stringify(e.written)).join(', ');
    missing.push(
      s.action.element === 'Action'
        ? `its Action (${listed}) does not cover ${request.action}`
        : `its NotAction (${listed}) excludes ${request.action}`,
    );
  }
  if (!s.resource.matched) {
    if (s.resource.element === 'NotResource') {
      missing.push(`its NotResource excludes ${request.resource}: ${s.resource.reason}`);
    } else {
      missing.push(nearestResourceMiss(s.resource.entries, request, s.action.matched));
    }
  }
  for (const clause of s.condition.clauses) {
    if (!clause.holds)
      missing.push(`its condition ${clause.operator} on ${clause.key} fails: ${clause.reason}`);
  }

  return missing;
}

/** The entry a small fix would make match, else the one sharing the longest prefix. */
function nearestResourceMiss(
  entries: readonly EntryResult[],
  request: AuthorizationRequest,
  actionMatched: boolean,
): string {
  for (const entry of entries) {
    const hint = fixHint(entry, request, actionMatched);
    if (hint) return `${intro(entry, request)}: ${hint}`;
  }

  const nearest = [...entries].sort(
    (a, b) =>
      sharedPrefix(shownPattern(b), request.resource) -
      sharedPrefix(shownPattern(a), request.resource),
  )[0];
  return nearest ? resourceMiss(nearest, request) : `its Resource list is empty`;
}

/** Why one Resource entry missed the request ARN, naming the common mistakes. */
export function resourceMiss(entry: EntryResult, request: AuthorizationRequest): string {
  const hint = fixHint(entry, request);
  if (hint) return `${intro(entry, request)}: ${hint}`;

  const want = parseArn(request.resource);
  const have = parseArn(shownPattern(entry));
  if (
    want?.type === 'topicfilter' &&
    /[+#]/.test(want.name ?? '') &&
    !/[+#]/.test(have?.name ?? '')
  ) {
    return (
      `${intro(entry, request)}: the policy compares the filter's text, so the '+' and '#' ` +
      `you subscribed with are ordinary characters to it, and only a pattern with '*' or '?' ` +
      `there, or the same '+' or '#', matches them`
    );
  }

  return intro(entry, request);
}

/**
 * A sentence naming the one change that would make the entry match, when there is one. A
 * statement for another action is expected to name another resource type, so that is no hint.
 */
function fixHint(
  entry: EntryResult,
  request: AuthorizationRequest,
  actionMatched = true,
): string | undefined {
  const unresolved = entry.variables?.find((v) => v.unresolved !== undefined);
  if (unresolved) {
    return (
      `the variable ${unresolved.raw} did not resolve (${unresolved.unresolved}), so it ` +
      `stays as literal text and matches nothing`
    );
  }

  const pattern = shownPattern(entry);
  const want = parseArn(request.resource);
  const have = parseArn(pattern);
  if (!want || !have) return undefined;

  const action = canonicalAction(request.action);
  const wantedType = action ? ACTION_RESOURCE_TYPE[action] : want.type;
  const matchesWith = (changed: Partial<ArnParts>) => {
    const arn = { ...have, ...changed };
    const resource = `${arn.type}/${arn.name ?? ''}`;
    const text = `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${resource}`;
    return wildcardMatch(text, request.resource);
  };

  if (actionMatched && have.type !== wantedType && matchesWith({ type: want.type })) {
    return (
      `${request.action} is checked against ${wantedType}/ ARNs, and this entry is a ` +
      `${have.type}/ ARN`
    );
  }
  if (have.region !== want.region && matchesWith({ region: want.region })) {
    return `it names the region ${have.region}, but the request is in ${want.region}`;
  }
  if (have.account !== want.account && matchesWith({ account: want.account })) {
    return `it names the account ${have.account}, but the request is in ${want.account}`;
  }
  if (wildcardMatch(pattern, request.resource, true)) {
    return 'they differ only in upper and lower case, and resources are compared case-sensitively';
  }
  if (
    /[+#]/.test(have.name ?? '') &&
    matchesWith({ name: (have.name ?? '').replace(/[+#]/g, '*') })
  ) {
    return (
      "'+' and '#' in a policy are ordinary characters, not MQTT wildcards; " +
      "write '*' to match any characters"
    );
  }

  return undefined;
}

function intro(entry: EntryResult, request: AuthorizationRequest): string {
  return `its Resource ${JSON.stringify(shownPattern(entry))} does not match ${request.resource}`;
}

function shownPattern(entry: EntryResult): string {
  return entry.substituted ?? entry.written;
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;

  return i;
}

export function refOf(s: StatementResult): StatementRef {
  const ref: StatementRef = {
    policy: s.policy,
    attachedTo: s.attachedTo,
    index: s.index,
    effect: s.effect,
    at: s.at,
  };
  if (s.sid !== undefined) ref.sid = s.sid;

  return ref;
}
