/**
 * Lint: policies that are valid but risky or do not do what they seem to. Each finding has a
 * stable code, a severity, the path, what happens and what to write instead.
 */
import { lintBroadGrants } from './lint-broad-grants.ts';
import { lintDenyVariables } from './lint-deny-variables.ts';
import { lintReceive } from './lint-receive.ts';
import { lintSubscribeDeny } from './lint-subscribe-deny.ts';
import { lintTopicResources } from './lint-topic-resources.ts';
import { parsePolicyText } from './parse.ts';
import type { Policy } from './policy-document.ts';
import type { PolicyProblem } from './policy-problem.ts';
import { readPolicy } from './read-policy.ts';
import type { Locator } from './source-location.ts';
import { withLocations } from './validate.ts';

/** Every rule, in the order findings are listed for one path. */
export const LINT_RULES: readonly ((policy: Policy) => PolicyProblem[])[] = [
  lintBroadGrants,
  lintTopicResources,
  lintSubscribeDeny,
  lintReceive,
  lintDenyVariables,
];

/** Lints policy text or a parsed document; text that is not JSON has nothing to lint. */
export function lintPolicy(input: string | unknown, name = 'policy'): PolicyProblem[] {
  let json = input;
  let locate: Locator | undefined;
  if (typeof input === 'string') {
    const parsed = parsePolicyText(input);
    if (!parsed.ok) return [];
    json = parsed.json;
    locate = parsed.locate;
  }

  return lintRead(readPolicy(json, name).policy, locate);
}

/** Lints a policy already read, adding lines and columns when a locator is given. */
export function lintRead(policy: Policy, locate?: Locator): PolicyProblem[] {
  const findings = LINT_RULES.flatMap((rule) => rule(policy));

  return locate ? withLocations(findings, locate) : findings;
}
