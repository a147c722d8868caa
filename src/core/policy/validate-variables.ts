/**
 * Checks every `${…}` in a policy: it must be closed, name a variable AWS IoT can substitute,
 * sit where variables are substituted, and the document must be Version 2012-10-17.
 */
import { CURRENT_VERSION, type ElementEntry, type Policy } from './policy-document.ts';
import { formatPath } from './policy-path.ts';
import { problem, type PolicyProblem } from './policy-problem.ts';
import { parseTemplate, variableNameProblem } from './policy-variable.ts';

/** Problems with the variables of entries where variables are substituted. */
export function checkVariables(entries: readonly ElementEntry[]): PolicyProblem[] {
  const problems: PolicyProblem[] = [];

  for (const { value, path } of entries) {
    for (const part of parseTemplate(value)) {
      if (part.kind === 'unterminated') {
        problems.push(
          problem('variable-unterminated', {
            path,
            found: JSON.stringify(part.raw),
            expected: `\${name}, e.g. "\${iot:ClientId}"`,
            message:
              `${JSON.stringify(value)} opens a policy variable with ` +
              `"\${" but never closes it with "}", so the text is kept as it is and matches ` +
              `nothing meant. Close it, e.g. "\${iot:ClientId}".`,
          }),
        );
      }
      if (part.kind !== 'variable') continue;

      const trouble = variableNameProblem(part.name);
      if (!trouble) continue;
      problems.push(
        problem(trouble.multiValued ? 'variable-multivalued' : 'variable-unknown', {
          path,
          found: part.raw,
          expected: trouble.multiValued
            ? 'a single-valued variable, or a ForAnyValue/ForAllValues condition on this key'
            : 'a documented variable such as ${iot:ClientId} or ${iot:Connection.Thing.ThingName}',
          message:
            `${part.raw} can never be substituted: ${trouble.reason}. It stays as literal ` +
            `text, so this entry matches nothing${suggestion(part.name)}`,
        }),
      );
    }
  }

  return problems;
}

/** Variables written where IAM never substitutes them (Action, non-string conditions). */
export function checkUnsubstituted(
  entries: readonly ElementEntry[],
  where: string,
): PolicyProblem[] {
  return entries
    .filter((e) => parseTemplate(e.value).some((p) => p.kind === 'variable'))
    .map(({ value, path }) =>
      problem('variable-not-substituted-here', {
        path,
        found: JSON.stringify(value),
        expected: 'a plain value; variables belong in Resource and in string or ARN conditions',
        message:
          `${JSON.stringify(value)} uses a policy variable in ${where}, where variables ` +
          `are not substituted: the text \${…} is compared as it is.`,
      }),
    );
}

/** One problem at Version when a document that does not substitute variables uses some. */
export function checkVersionForVariables(
  policy: Policy,
  entries: readonly ElementEntry[],
): PolicyProblem[] {
  if (policy.substitutesVariables) return [];

  const first = entries.find((e) => parseTemplate(e.value).some((p) => p.kind === 'variable'));
  if (!first) return [];

  const version = policy.version === undefined ? 'no Version' : `Version "${policy.version}"`;
  return [
    problem('version-needed-for-variables', {
      path: ['Version'],
      found: version,
      expected: `"Version": "${CURRENT_VERSION}"`,
      message:
        `${formatPath(first.path)} uses a policy variable, but with ${version} variables ` +
        `are not substituted: ${JSON.stringify(first.value)} is compared as plain text. Set ` +
        `"Version": "${CURRENT_VERSION}".`,
    }),
  ];
}

function suggestion(name: string): string {
  if (/^iot:Thing\./i.test(name)) {
    return `. Did you mean \${iot:Connection.Thing.${name.slice('iot:Thing.'.length)}}?`;
  }
  if (/\.List$/i.test(name))
    return '. Use it as a condition key under ForAnyValue: or ForAllValues: instead.';

  return '.';
}
