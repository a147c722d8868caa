import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { JsonProblem } from '../../core/json/problem.ts';

interface Props {
  problems: readonly JsonProblem[];
  /**
   * How a screen reader hears a change: 'alert' for a verdict the learner asked for, 'polite'
   * for a hint while typing, 'off' inside a log. Default: 'polite'.
   */
  live?: 'alert' | 'polite' | 'off';
  /** A sentence above the list, such as "Sent anyway, as text". */
  lead?: ComponentChildren;
  /** At most this many are shown; the rest are counted. Default: 8. */
  limit?: number;
  /** Makes each place a button, for moving the cursor there. */
  onSelect?: (problem: JsonProblem) => void;
}

/**
 * The one way the course shows what is wrong with a JSON text: each problem's severity, name,
 * place and rule, the line with a caret under the spot, and what to do. Every widget that takes
 * JSON uses it. Everything is rendered as text, never as HTML.
 */
export default function JsonProblems({
  problems,
  live = 'polite',
  lead,
  limit = 8,
  onSelect,
}: Props) {
  if (problems.length === 0) return null;

  const errors = problems.filter((p) => p.severity === 'error').length;
  const shown = problems.slice(0, limit);
  const role = live === 'alert' ? 'alert' : undefined;
  const ariaLive = live === 'polite' ? 'polite' : undefined;

  return (
    <div
      class={`hs-json-problems${errors === 0 ? ' hs-json-problems--warnings' : ''}`}
      data-errors={errors}
      data-warnings={problems.length - errors}
      role={role}
      aria-live={ariaLive}
    >
      {lead && <p class="hs-json-problems__lead">{lead}</p>}
      <ol class="hs-json-problems__list">
        {shown.map((problem) => (
          <Problem
            key={`${problem.kind}@${problem.offset}:${problem.message}`}
            problem={problem}
            onSelect={onSelect}
          />
        ))}
      </ol>
      {problems.length > shown.length && (
        <p class="hs-json-problems__more">…and {problems.length - shown.length} more.</p>
      )}
    </div>
  );
}

function Problem({
  problem,
  onSelect,
}: {
  problem: JsonProblem;
  onSelect?: ((p: JsonProblem) => void) | undefined;
}) {
  const place = `line ${problem.line}, column ${problem.column}`;
  const number = String(problem.line);
  const gutter = ' '.repeat(number.length);
  const excerpt = useRef<HTMLPreElement>(null);
  const caret = useRef<HTMLSpanElement>(null);

  // On a narrow screen a long line scrolls; bring the caret into view instead of the line start.
  useLayoutEffect(() => {
    const box = excerpt.current;
    const mark = caret.current;
    if (!box || !mark) return;

    const hidden = mark.offsetLeft + mark.offsetWidth > box.clientWidth;
    box.scrollLeft = hidden ? mark.offsetLeft - box.clientWidth / 2 : 0;
  }, [problem.offset, problem.excerpt.caret]);

  return (
    <li
      class={`hs-json-problem hs-json-problem--${problem.severity}`}
      data-kind={problem.kind}
      data-line={problem.line}
      data-column={problem.column}
      {...(problem.path === undefined ? {} : { 'data-path': problem.path })}
    >
      <div class="hs-json-problem__head">
        <span class="hs-json-problem__severity">
          {problem.severity === 'error' ? 'Error' : 'Warning'}
        </span>
        <strong class="hs-json-problem__title">{problem.title}</strong>
        {onSelect ? (
          <button
            type="button"
            class="hs-json-problem__place"
            onClick={() => onSelect(problem)}
            title="Move the cursor there"
          >
            {place}
          </button>
        ) : (
          <span class="hs-json-problem__place">{place}</span>
        )}
        <span class="hs-rule">[{problem.rule}]</span>
      </div>
      {problem.excerpt.text.trim() !== '' && (
        <pre ref={excerpt} class="hs-json-problem__excerpt">
          <span class="hs-json-problem__gutter">{`${number} | `}</span>
          {problem.excerpt.text}
          {'\n'}
          <span class="hs-json-problem__gutter">{`${gutter} | `}</span>
          {problem.excerpt.caret.slice(0, -1)}
          <span ref={caret} class="hs-json-problem__caret">
            ^
          </span>
        </pre>
      )}
      <p class="hs-json-problem__message">{problem.message}</p>
    </li>
  );
}
