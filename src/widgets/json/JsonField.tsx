import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { JsonProblem } from '../../core/json/problem.ts';
import JsonProblems from './JsonProblems.tsx';

interface Props {
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** The problems to show under the box: from checkJson, or a schema's compilation. */
  problems: readonly JsonProblem[];
  rows?: number;
  /** How a screen reader hears new problems (see JsonProblems). Default: 'polite'. */
  live?: 'alert' | 'polite' | 'off';
  /** Shown between the box and its problems: a verdict, buttons, a size. */
  children?: ComponentChildren;
}

/**
 * A text box for JSON with the course's one problem display under it. Clicking a problem's place
 * puts the cursor on the character the caret points at. The policy editor and the shadow
 * widgets use this too, so every JSON input reads the same.
 */
export default function JsonField(props: Props) {
  const { label, value, onInput, problems, rows = 8, live, children } = props;
  const box = useRef<HTMLTextAreaElement>(null);

  function select(problem: JsonProblem) {
    const area = box.current;
    if (!area) return;

    area.focus();
    area.setSelectionRange(problem.offset, Math.min(problem.offset + 1, value.length));
  }

  // The label wraps the box: ids made per island would clash between islands on one page.
  return (
    <div class="hs-json-field">
      <label class="hs-field">
        <span>{label}</span>
        <textarea
          ref={box}
          class="hs-json-field__input"
          rows={rows}
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
          spellcheck={false}
          autocomplete="off"
          autocapitalize="off"
          aria-invalid={problems.some((p) => p.severity === 'error')}
        />
      </label>
      {children && <div class="hs-json-field__under">{children}</div>}
      <JsonProblems problems={problems} onSelect={select} {...(live ? { live } : {})} />
    </div>
  );
}
