import {
  formatPath,
  nameStatement,
  type Outcome,
  type PolicyResult,
} from '../../core/policy/index.ts';
import type { Simulation } from './simulate.ts';
import StatementView from './StatementView.tsx';

const OUTCOME_WORDS: Record<Outcome, [mark: string, words: string]> = {
  allowed: ['✔', 'Allowed'],
  'explicitly-denied': ['✘', 'Explicitly denied'],
  'implicitly-denied': ['✘', 'Implicitly denied'],
};

/** The decision, big, with its reasons; then every statement as it compared with the request. */
export default function DecisionView({ sim }: { sim: Simulation }) {
  const { decision } = sim;
  const [mark, words] = OUTCOME_WORDS[decision.outcome];
  const deciding = decision.decidingStatement;
  const near = decision.nearMiss;
  const same = (a: { policy: string; index: number }, b?: { policy: string; index: number }) =>
    b !== undefined && a.policy === b.policy && a.index === b.index;
  const notes = decision.policies.flatMap(policyNotes);

  return (
    <section class="hs-policy-sim__section" aria-label="Decision">
      <div class={`hs-decision hs-decision--${decision.outcome}`} data-outcome={decision.outcome}>
        <p class="hs-decision__outcome" role="status">
          <span aria-hidden="true">{mark} </span>
          <span class="hs-decision__words">{words}</span>
        </p>
        {sim.request.refusals.length > 0 && (
          <p class="hs-decision__caveat">
            By the policies alone: the broker refuses the packet before it gets this far.
          </p>
        )}
        <p class="hs-decision__summary">{decision.summary}</p>
        {deciding && (
          <p class="hs-decision__deciding">
            Deciding statement: <strong>{nameStatement(deciding)}</strong>, {deciding.effect}
          </p>
        )}
        {near && (
          <div class="hs-decision__near">
            <p>
              Nearest statement:{' '}
              <strong class="hs-decision__nearest">{nameStatement(near.statement)}</strong>, the
              Allow that came closest. What it lacks:
            </p>
            <ul class="hs-decision__lacks">
              {near.lacks.map((lack) => (
                <li key={lack}>{lack}.</li>
              ))}
            </ul>
          </div>
        )}
        {decision.outcome === 'implicitly-denied' && !near && (
          <p>No Allow statement is in effect, so nothing could allow it.</p>
        )}
        {notes.length > 0 && (
          <ul class="hs-decision__notes">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </div>

      <h4>Every statement, in order</h4>
      {decision.statements.length === 0 ? (
        <p class="hs-note">No statements were compared: no policy in effect has any.</p>
      ) : (
        <ol class="hs-statements">
          {decision.statements.map((s) => (
            <StatementView
              key={`${s.policy}#${s.index}`}
              statement={s}
              deciding={same(s, deciding)}
              nearest={same(s, near?.statement)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

/** Thing-group policies left out or counted, and statements the engine had to skip. */
function policyNotes(p: PolicyResult): string[] {
  const notes: string[] = [];
  if (p.attachedTo === 'thing-group') {
    notes.push(
      p.inEffect
        ? `Thing-group policy '${p.name}' is in effect: ${p.reason ?? ''}.`
        : `Thing-group policy '${p.name}' is not in effect: ${p.reason ?? ''}. Thing-group ` +
            `policies apply only when the client ID equals the thing name.`,
    );
  }
  for (const skipped of p.skipped) {
    notes.push(`Policy '${p.name}' ${formatPath(skipped.path)} was skipped: ${skipped.reason}.`);
  }

  return notes;
}
