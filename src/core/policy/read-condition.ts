/**
 * The Condition element: operators mapping condition keys to one value or a list of values
 * (IAM JSON policy element reference, Condition). Whether each operator and key exists is
 * checked later, by validation.
 */
import type { ConditionClause, ElementEntry } from './policy-document.ts';
import { child, type PolicyPath } from './policy-path.ts';
import { problem, shown, type PolicyProblem } from './policy-problem.ts';
import { describeJson, isObject } from './json-value.ts';

/** The clauses of a Condition, in the order written; problems are added to `problems`. */
export function readConditions(
  condition: unknown,
  path: PolicyPath,
  problems: PolicyProblem[],
): ConditionClause[] {
  if (condition === undefined) return [];

  const example = '{"StringEquals": {"iot:ClientId": "sensor-1"}}';
  if (!isObject(condition)) {
    problems.push(
      problem('condition-not-object', {
        path,
        found: shown(condition),
        expected: `an object of operators, e.g. ${example}`,
        message:
          `"Condition" maps operators to keys and values, e.g. ${example}, but it is ` +
          `${describeJson(condition)}.`,
      }),
    );
    return [];
  }

  const clauses: ConditionClause[] = [];
  for (const [operator, keys] of Object.entries(condition)) {
    const operatorPath = child(path, operator);
    if (!isObject(keys)) {
      problems.push(
        problem('condition-operator-not-object', {
          path: operatorPath,
          found: shown(keys),
          expected: `an object of condition keys, e.g. {"iot:ClientId": "sensor-1"}`,
          message:
            `Under "${operator}" comes an object mapping each condition key to its values, ` +
            `but it is ${describeJson(keys)}.`,
        }),
      );
      continue;
    }

    for (const [key, raw] of Object.entries(keys)) {
      const keyPath = child(operatorPath, key);
      const items: [unknown, PolicyPath][] = Array.isArray(raw)
        ? raw.map((v, i) => [v, child(keyPath, i)])
        : [[raw, keyPath]];
      const values: ElementEntry[] = [];

      for (const [item, itemPath] of items) {
        if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
          values.push({ value: String(item), path: itemPath });
          continue;
        }
        problems.push(
          problem('condition-value-invalid', {
            path: itemPath,
            found: shown(item),
            expected: 'a string, or a list of strings',
            message:
              `Condition values are strings (numbers and true/false are read as strings), ` +
              `but this one is ${describeJson(item)}; it is ignored.`,
          }),
        );
      }
      clauses.push({ operator, key, values, path: keyPath });
    }
  }

  return clauses;
}
