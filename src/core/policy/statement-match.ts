/**
 * One statement against one request: does its Action cover the action, its Resource the
 * resource ARN (after substitution), and does its Condition hold? All three are always
 * evaluated, so an explanation can show each.
 */
import { actionMatches } from './action.ts';
import { evaluateConditions } from './condition.ts';
import type { AttachedTo, ElementResult, EntryResult, StatementResult } from './decision.ts';
import { globMatch } from './glob.ts';
import type { Policy, PolicyStatement } from './policy-document.ts';
import { formatPath } from './policy-path.ts';
import { substitute } from './policy-variable.ts';
import type { RequestContext } from './request-context.ts';
import type { AuthorizationRequest } from './request.ts';

export function matchStatement(
  statement: PolicyStatement,
  policy: Policy,
  attachedTo: AttachedTo,
  request: AuthorizationRequest,
  context: RequestContext,
): StatementResult {
  const action = matchAction(statement, request.action);
  const resource = matchResource(statement, request.resource, context, policy.substitutesVariables);
  const clauses = evaluateConditions(statement.conditions, context, policy.substitutesVariables);
  const condition = { holds: clauses.every((c) => c.holds), clauses };

  const result: StatementResult = {
    policy: policy.name,
    attachedTo,
    index: statement.index,
    effect: statement.effect,
    at: formatPath(statement.path),
    applies: action.matched && resource.matched && condition.holds,
    action,
    resource,
    condition,
  };
  if (statement.sid !== undefined) result.sid = statement.sid;

  return result;
}

/** Action entries are wildcard patterns compared without regard to case. */
function matchAction(statement: PolicyStatement, action: string): ElementResult {
  const { name, entries } = statement.action;
  const results: EntryResult[] = entries.map((e) => ({
    written: e.value,
    path: e.path,
    matched: actionMatches(e.value, action),
  }));

  return element(name, results, action);
}

/** Resource entries are substituted, then matched as case-sensitive wildcard patterns. */
function matchResource(
  statement: PolicyStatement,
  resource: string,
  context: RequestContext,
  substitutesVariables: boolean,
): ElementResult {
  const { name, entries } = statement.resource;
  const results: EntryResult[] = entries.map((e) => {
    const s = substitute(e.value, context, { enabled: substitutesVariables, wildcards: true });
    const result: EntryResult = {
      written: e.value,
      path: e.path,
      matched: globMatch(s.tokens, resource),
      substituted: s.text,
    };
    if (s.variables.length > 0) result.variables = s.variables;

    return result;
  });

  return element(name, results, resource);
}

function element(
  name: ElementResult['element'],
  entries: EntryResult[],
  requested: string,
): ElementResult {
  const hit = entries.find((e) => e.matched);
  const listed = entries.map((e) => JSON.stringify(e.substituted ?? e.written)).join(', ');
  const negated = name === 'NotAction' || name === 'NotResource';

  if (!negated) {
    return hit
      ? {
          element: name,
          matched: true,
          entries,
          reason: `${requested} matches ${JSON.stringify(hit.substituted ?? hit.written)}`,
        }
      : {
          element: name,
          matched: false,
          entries,
          reason: `${requested} matches none of ${name}: ${listed}`,
        };
  }

  return hit
    ? {
        element: name,
        matched: false,
        entries,
        reason:
          `${requested} is excluded by ${name} ` +
          `${JSON.stringify(hit.substituted ?? hit.written)}`,
      }
    : {
        element: name,
        matched: true,
        entries,
        reason: `${requested} is not among ${name}: ${listed}, so the statement covers it`,
      };
}
