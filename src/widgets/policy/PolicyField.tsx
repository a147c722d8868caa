import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import JsonField from '../json/JsonField.tsx';
import { MAX_POLICY_CHARACTERS, type PolicyTextCheck } from './policy-text.ts';
import PolicyProblems from './PolicyProblems.tsx';

interface Props {
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** checkPolicyText(value), computed by the owner, which also needs the parsed document. */
  check: PolicyTextCheck;
  rows?: number;
  /** Buttons shown beside the verdict. */
  children?: ComponentChildren;
}

/**
 * A policy document in the course's JSON field: JSON errors from the JSON check, then, once the
 * text is JSON, validation and lint findings in the same look, each with its path, what was found
 * and what is expected.
 */
export default function PolicyField({ label, value, onInput, check, rows = 12, children }: Props) {
  const root = useRef<HTMLDivElement>(null);

  function select(offset: number) {
    const area = root.current?.querySelector('textarea');
    if (!area) return;

    area.focus();
    area.setSelectionRange(offset, Math.min(offset + 1, value.length));
  }

  return (
    <div class="hs-policy-field" ref={root}>
      <JsonField label={label} value={value} onInput={onInput} problems={check.syntax} rows={rows}>
        {children}
        <PolicyVerdict check={check} />
      </JsonField>
      <PolicyProblems text={value} problems={check.problems} onSelect={select} />
    </div>
  );
}

/** One line summing up the policy: not JSON, refused by AWS, or valid with some warnings. */
export function PolicyVerdict({ check }: { check: PolicyTextCheck }) {
  const { errors, warnings } = check;
  const noted = warnings > 0 ? `, ${count(warnings, 'warning')}` : '';
  const [status, words] =
    check.document === undefined
      ? ['invalid', `✘ Not JSON: ${count(errors, 'error')}`]
      : errors > 0
        ? ['invalid', `✘ AWS IoT would refuse this policy: ${count(errors, 'error')}${noted}`]
        : ['valid', `✔ Valid policy${noted}`];

  return (
    <>
      <span class={`hs-json-verdict hs-json-verdict--${status}`} data-status={status}>
        {words}
      </span>
      {check.size !== undefined && (
        <span
          class={`hs-json-field__size${check.size > MAX_POLICY_CHARACTERS ? ' hs-policy-size--over' : ''}`}
        >
          {check.size} of {MAX_POLICY_CHARACTERS} characters, whitespace not counted
        </span>
      )}
    </>
  );
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
