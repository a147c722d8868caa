import type { PkiProblem } from '../../core/pki/index.ts';
import { PKI_STAGES, STAGE_TITLES } from '../../core/pki/pki-problem.ts';

interface Props {
  problem: PkiProblem;
  /** The text the problem's line and column count in, to show the line with a caret. */
  text?: string;
  /** Which input it is about, e.g. "Trust anchors, block 2". */
  where?: string;
}

/** Where the problem is: a line and column in the PEM text, or a byte offset in the DER. */
export function placeOf(problem: PkiProblem): string | null {
  if (problem.line !== undefined && problem.column !== undefined)
    return `line ${problem.line}, column ${problem.column}`;
  if (problem.line !== undefined) return `line ${problem.line}`;
  if (problem.offset !== undefined) return `byte offset ${problem.offset} of the DER`;
  return null;
}

/**
 * A rejected PEM or DER input, in the look of the course's JSON problems: which stage of
 * reading failed (and which passed before it), where, the rule, and what to do.
 */
export default function PemProblem({ problem, text, where }: Props) {
  const place = placeOf(problem);
  const line =
    text !== undefined && problem.line !== undefined
      ? text.split(/\r\n|\n|\r/)[problem.line - 1]
      : undefined;
  const failedAt = PKI_STAGES.indexOf(problem.stage);

  return (
    <div
      class="hs-json-problem hs-pki-problem"
      role="alert"
      data-code={problem.code}
      data-stage={problem.stage}
      {...(problem.line === undefined ? {} : { 'data-line': problem.line })}
      {...(problem.column === undefined ? {} : { 'data-column': problem.column })}
    >
      <div class="hs-json-problem__head">
        <span class="hs-json-problem__severity">Error</span>
        <strong class="hs-json-problem__title">{problem.title}</strong>
        {where && <span class="hs-json-problem__place">{where}</span>}
        {place && <span class="hs-json-problem__place hs-pki-problem__place">{place}</span>}
        <span class="hs-rule">[{problem.rule}]</span>
      </div>
      <ol class="hs-pki-stages" aria-label="Stages of reading">
        {PKI_STAGES.map((stage, i) => {
          const state = i < failedAt ? 'passed' : i === failedAt ? 'failed' : 'skipped';
          const mark = { passed: '✔', failed: '✘', skipped: '·' }[state];
          return (
            <li key={stage} class={`hs-pki-stage hs-pki-stage--${state}`} data-state={state}>
              {mark} {STAGE_TITLES[stage]}
            </li>
          );
        })}
      </ol>
      {line !== undefined && line.trim() !== '' && (
        <pre class="hs-json-problem__excerpt">
          <span class="hs-json-problem__gutter">{`${problem.line} | `}</span>
          {line}
          {problem.column !== undefined && (
            <>
              {'\n'}
              <span class="hs-json-problem__gutter">{`${' '.repeat(String(problem.line).length)} | `}</span>
              {' '.repeat(problem.column - 1)}
              <span class="hs-json-problem__caret">^</span>
            </>
          )}
        </pre>
      )}
      <p class="hs-json-problem__message">
        <strong>{STAGE_TITLES[problem.stage]} stage:</strong> {problem.message}
      </p>
    </div>
  );
}
