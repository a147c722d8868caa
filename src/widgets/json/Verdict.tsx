import type { JsonCheck } from '../../core/json/check.ts';

/** One line that sums up a check: valid or not, against what, and how many problems. */
export default function Verdict({
  check,
  schemaName,
}: {
  check: JsonCheck;
  schemaName?: string | undefined;
}) {
  const errors = check.problems.filter((p) => p.severity === 'error');
  const warnings = check.problems.length - errors.length;
  const syntaxOk = errors.every((p) => p.kind === 'schema-mismatch');
  const noted = warnings > 0 ? `, with ${count(warnings, 'warning')}` : '';

  const [status, words] = check.ok
    ? ['valid', `✔ Valid JSON${schemaName ? ` that matches ${schemaName}` : ''}${noted}`]
    : syntaxOk
      ? [
          'mismatch',
          `✘ Valid JSON, but ${count(errors.length, 'problem')} with ${schemaName ?? 'the schema'}`,
        ]
      : ['invalid', `✘ Not JSON: ${count(errors.length, 'error')}`];

  return (
    <span class={`hs-json-verdict hs-json-verdict--${status}`} data-status={status}>
      {words}
    </span>
  );
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
