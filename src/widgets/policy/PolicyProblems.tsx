import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PolicyProblem } from '../../core/policy/index.ts';
import { problemPlace } from './policy-text.ts';

interface Props {
  /** The policy text the problems were found in, for the excerpt under each. */
  text: string;
  problems: readonly PolicyProblem[];
  /** At most this many are shown; the rest are counted. Default: 8. */
  limit?: number;
  /** Makes each place a button, for moving the cursor there. */
  onSelect?: (offset: number) => void;
}

const SEVERITY_WORDS = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

/**
 * Validation and lint findings in the look of the course's JSON problem display (the same
 * classes as JsonProblems), with what a policy problem adds: its path in the document, what was
 * found there and what is expected. Everything is rendered as text, never as HTML.
 */
export default function PolicyProblems({ text, problems, limit = 8, onSelect }: Props) {
  if (problems.length === 0) return null;

  const errors = problems.filter((p) => p.severity === 'error').length;
  const shown = problems.slice(0, limit);

  return (
    <div
      class={`hs-json-problems hs-policy-problems${errors === 0 ? ' hs-json-problems--warnings' : ''}`}
      data-errors={errors}
      data-warnings={problems.length - errors}
      aria-live="polite"
    >
      <ol class="hs-json-problems__list">
        {shown.map((problem, index) => (
          <Problem
            key={`${problem.code}@${problem.at}#${index}`}
            text={text}
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
  text,
  problem,
  onSelect,
}: {
  text: string;
  problem: PolicyProblem;
  onSelect?: ((offset: number) => void) | undefined;
}) {
  const place = problemPlace(text, problem);
  const excerpt = useRef<HTMLPreElement>(null);
  const caret = useRef<HTMLSpanElement>(null);

  // On a narrow screen a long line scrolls; bring the caret into view instead of the line start.
  useLayoutEffect(() => {
    const box = excerpt.current;
    const mark = caret.current;
    if (!box || !mark) return;

    const hidden = mark.offsetLeft + mark.offsetWidth > box.clientWidth;
    box.scrollLeft = hidden ? mark.offsetLeft - box.clientWidth / 2 : 0;
  }, [place?.offset, place?.excerpt.caret]);

  const severity = problem.severity === 'error' ? 'error' : 'warning';
  const where = place ? `line ${place.line}, column ${place.column}` : undefined;
  const number = String(place?.line ?? '');

  return (
    <li
      class={`hs-json-problem hs-json-problem--${severity} hs-policy-problem`}
      data-code={problem.code}
      data-path={problem.at}
      data-severity={problem.severity}
      {...(place ? { 'data-line': place.line, 'data-column': place.column } : {})}
    >
      <div class="hs-json-problem__head">
        <span class="hs-json-problem__severity">{SEVERITY_WORDS[problem.severity]}</span>
        <strong class="hs-json-problem__title">{problem.title}</strong>
        <code class="hs-policy-problem__path">{problem.at}</code>
        {where &&
          (onSelect && place ? (
            <button
              type="button"
              class="hs-json-problem__place"
              onClick={() => onSelect(place.offset)}
              title="Move the cursor there"
            >
              {where}
            </button>
          ) : (
            <span class="hs-json-problem__place">{where}</span>
          ))}
        <span class="hs-rule">[{problem.code}]</span>
      </div>
      {place && place.excerpt.text.trim() !== '' && (
        <pre ref={excerpt} class="hs-json-problem__excerpt">
          <span class="hs-json-problem__gutter">{`${number} | `}</span>
          {place.excerpt.text}
          {'\n'}
          <span class="hs-json-problem__gutter">{`${' '.repeat(number.length)} | `}</span>
          {place.excerpt.caret.slice(0, -1)}
          <span ref={caret} class="hs-json-problem__caret">
            ^
          </span>
        </pre>
      )}
      <dl class="hs-policy-problem__facts">
        <dt>Found</dt>
        <dd>
          <code>{problem.found}</code>
        </dd>
        <dt>Expected</dt>
        <dd>
          <code>{problem.expected}</code>
        </dd>
      </dl>
      <p class="hs-json-problem__message">{problem.message}</p>
    </li>
  );
}
