/**
 * A Deny whose resource needs a thing or certificate variable silently does nothing for a
 * connection where that variable does not resolve (spec 5.6 and 9.8).
 */
import { arnEntries } from './lint-support.ts';
import type { Policy } from './policy-document.ts';
import { problem, type PolicyProblem } from './policy-problem.ts';
import { parseTemplate } from './policy-variable.ts';

/** Variables that only resolve for some connections. */
const SOMETIMES = /^iot:(Connection\.Thing\.|Certificate\.)/i;

export function lintDenyVariables(policy: Policy): PolicyProblem[] {
  if (!policy.substitutesVariables) return [];

  return policy.statements
    .filter((s) => s.effect === 'Deny')
    .flatMap(arnEntries)
    .flatMap(({ entry }) => {
      const variable = parseTemplate(entry.value).find(
        (p) => p.kind === 'variable' && SOMETIMES.test(p.name),
      );
      if (variable?.kind !== 'variable') return [];

      const widened = entry.value.replace(variable.raw, '*');
      return [
        problem('deny-with-unresolvable-variable', {
          path: entry.path,
          found: JSON.stringify(entry.value),
          expected: `a Deny that needs no variable, e.g. ${JSON.stringify(widened)}`,
          message:
            `This Deny needs ${variable.raw}, which does not resolve for a connection ` +
            `without that value (for thing variables: a client ID that is not the name of a thing ` +
            `attached to the certificate). Unresolved, the entry stays literal text and the Deny ` +
            `does nothing, while broader Allows still apply. Deny without the variable, e.g. ` +
            `${JSON.stringify(widened)}, or make sure every Allow needs the same variable.`,
        }),
      ];
    });
}
