/** JSON values as policy messages describe them, and the check for keys outside the grammar. */
import { child, type PolicyPath } from './policy-path.ts';
import { problem, shown, type PolicyProblem } from './policy-problem.ts';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "a string", "an array", "null": what a JSON value is, for messages. */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${shown(value)}`;
  if (typeof value === 'undefined') return 'nothing';

  return `the ${typeof value} ${shown(value)}`;
}

/** An 'unknown-key' problem for each key of `object` not in `known`. */
export function unknownKeys(
  object: JsonObject,
  path: PolicyPath,
  known: readonly string[],
  where: string,
): PolicyProblem[] {
  return Object.keys(object)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const sameLetters = known.find((k) => k.toLowerCase() === key.toLowerCase());
      const expected = `one of ${known.map((k) => `"${k}"`).join(', ')}`;
      const advice =
        key === 'Principal' || key === 'NotPrincipal'
          ? 'An IoT policy has no principal of its own: it applies to the certificate, Cognito ' +
            'identity or thing group you attach it to. Remove it.'
          : sameLetters
            ? `Keys are case-sensitive: write "${sameLetters}".`
            : `A ${where} may only hold ${expected}. Remove it or correct its spelling.`;

      return problem('unknown-key', {
        path: child(path, key),
        found: JSON.stringify(key),
        expected,
        message:
          `The ${where} has the key "${key}", which the policy language does not know. ` +
          `${advice}`,
      });
    });
}
