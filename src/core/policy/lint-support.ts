/** What the lint rules share: a stand-in connection, and resource entries taken apart. */
import { evaluateRead } from './evaluate.ts';
import type { Decision } from './decision.ts';
import type { ElementEntry, Policy, PolicyStatement } from './policy-document.ts';
import { parseArn, type ArnParts, type ArnScope } from './resource-arn.ts';
import type { RequestContext } from './request-context.ts';
import type { AuthorizationRequest } from './request.ts';

/** A registered device whose client ID is its thing name, so every thing variable resolves. */
export const LINT_CONTEXT: RequestContext = {
  'iot:ClientId': 'lint-device',
  'iot:Connection.Thing.ThingName': 'lint-device',
  'iot:Connection.Thing.IsAttached': 'true',
};

/** A resource entry as an ARN, when it is one. */
export interface ArnEntry {
  entry: ElementEntry;
  arn: ArnParts;
}

/** The entries of a statement's Resource list that are ARNs (NotResource is left alone). */
export function arnEntries(statement: PolicyStatement): ArnEntry[] {
  if (statement.resource.name !== 'Resource') return [];

  return statement.resource.entries.flatMap((entry) => {
    const arn = parseArn(entry.value);
    return arn ? [{ entry, arn }] : [];
  });
}

/** The region and account an entry names, where it names them without wildcards. */
export function scopeOf(arn: ArnParts): ArnScope {
  const literal = (s: string) => s !== '' && !/[*?$]/.test(s);
  const scope: ArnScope = {};
  if (literal(arn.partition)) scope.partition = arn.partition;
  if (literal(arn.region)) scope.region = arn.region;
  if (literal(arn.account)) scope.account = arn.account;

  return scope;
}

/** The decision this one policy gives, for the stand-in connection. */
export function decideAlone(policy: Policy, request: AuthorizationRequest): Decision {
  return evaluateRead(request, [{ policy, attachedTo: 'principal' }], LINT_CONTEXT);
}

/** A topic a filter pattern would deliver: each wildcard, MQTT or policy, becomes one level. */
export function sampleTopic(namePattern: string): string {
  return namePattern.replace(/\$\{[^}]*\}/g, 'lint-device').replace(/[*?+#]+/g, 'x');
}
