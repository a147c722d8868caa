import { useMemo, useState } from 'preact/hooks';
import { useHydrated } from '../use-hydrated.ts';
import DecisionView from './DecisionView.tsx';
import {
  draftValue,
  editDraft,
  isEdited,
  newDraftBook,
  openDraft,
  restoreDraft,
  type DraftBook,
} from './drafts.ts';
import IdentityForm from './IdentityForm.tsx';
import PolicyList from './PolicyList.tsx';
import RequestForm from './RequestForm.tsx';
import { findScenario, SCENARIOS, type SimulatorState } from './scenarios.ts';
import { simulate } from './simulate.ts';
import '../widgets.css';

interface Props {
  /** The id of a scenario in scenarios.ts to start with. Default: the least-privilege device. */
  scenario?: string;
}

const original = (id: string): SimulatorState => (findScenario(id) ?? SCENARIOS[0]!).state;

/**
 * A policy simulator: policies attached to a certificate (and, optionally, a thing group), who
 * connects, and one MQTT request; the decision AWS IoT Core would make, the statement that made
 * it, and how every statement compared, values shown after substitution.
 */
export default function PolicySimulator({ scenario = 'device' }: Props) {
  const hydrated = useHydrated();
  const start = findScenario(scenario) ?? SCENARIOS[0]!;
  const [book, setBook] = useState<DraftBook<SimulatorState>>(() => newDraftBook(start.id));
  const state = draftValue(book, original);
  const sim = useMemo(() => simulate(state), [state]);

  function update(change: Partial<SimulatorState>) {
    setBook((b) => editDraft(b, { ...draftValue(b, original), ...change }));
  }

  return (
    <div
      class="hs-widget hs-policy-sim not-content"
      role="group"
      aria-label="Policy simulator"
      data-ready={hydrated ? 'true' : 'false'}
      data-scenario={book.current}
    >
      <div class="hs-row">
        <label class="hs-field hs-field--grow">
          <span>Scenario</span>
          {/* Named explicitly: a wrapping label would read every option into the name. */}
          <select
            aria-label="Scenario"
            value={book.current}
            onChange={(e) => {
              const id = e.currentTarget.value;
              setBook((b) => openDraft(b, id));
            }}
          >
            {SCENARIOS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
                {isEdited(book, original, s.id) ? ' (edited)' : ''}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="hs-button"
          disabled={!isEdited(book, original)}
          onClick={() => setBook((b) => restoreDraft(b))}
        >
          Restore the scenario
        </button>
      </div>
      <p class="hs-note hs-note--inline">
        Your changes are kept for each scenario when you switch; “Restore the scenario” brings back
        the original.
      </p>

      <PolicyList
        policies={state.policies}
        outcomes={sim.policies}
        onChange={(policies) => update({ policies })}
      />
      <IdentityForm
        fields={state.identity}
        identity={sim.identity}
        onChange={(identity) => update({ identity })}
      />
      <RequestForm state={state} sim={sim} onChange={update} />
      <DecisionView sim={sim} />
    </div>
  );
}
