import type { SimulatorState } from './scenarios.ts';
import { ACTION_PACKET, isSimAction, SIM_ACTIONS, TARGET_KIND } from './sim-request.ts';
import type { Simulation } from './simulate.ts';

interface Props {
  state: SimulatorState;
  sim: Simulation;
  onChange: (change: Partial<SimulatorState>) => void;
}

/** The action, what the client sent, and the Region and account the request ARN is built in. */
export default function RequestForm({ state, sim, onChange }: Props) {
  const kind = TARGET_KIND[state.action];
  const { refusals } = sim.request;
  const scopeProblem = (field: 'region' | 'account') =>
    sim.scope.find((p) => p.field === field)?.message;

  return (
    <section class="hs-policy-sim__section" aria-label="Request">
      <h3>What it asks for</h3>
      <div class="hs-row">
        <label class="hs-field">
          <span>Action</span>
          <select
            aria-label="Action"
            value={state.action}
            onChange={(e) => {
              const action = e.currentTarget.value;
              if (isSimAction(action)) onChange({ action });
            }}
          >
            {SIM_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        {kind === 'topic name' && (
          <label class="hs-field hs-field--grow">
            <span>Topic name</span>
            <input
              value={state.topic}
              onInput={(e) => onChange({ topic: e.currentTarget.value })}
              spellcheck={false}
              autocomplete="off"
            />
          </label>
        )}
        {kind === 'topic filter' && (
          <label class="hs-field hs-field--grow">
            <span>Topic filter</span>
            <input
              value={state.filter}
              onInput={(e) => onChange({ filter: e.currentTarget.value })}
              spellcheck={false}
              autocomplete="off"
            />
          </label>
        )}
        {kind === 'client ID' && (
          <p class="hs-note hs-field--grow">
            iot:Connect is checked against the client ID above,{' '}
            <code>{state.identity.clientId || '(none)'}</code>.
          </p>
        )}
      </div>
      <div class="hs-row">
        <div class="hs-policy-sim__cell">
          <label class="hs-field">
            <span>Region</span>
            <input
              value={state.region}
              onInput={(e) => onChange({ region: e.currentTarget.value })}
              spellcheck={false}
              autocomplete="off"
              size={14}
            />
          </label>
          {scopeProblem('region') && (
            <span class="hs-policy-sim__field-problem">{scopeProblem('region')}</span>
          )}
        </div>
        <div class="hs-policy-sim__cell">
          <label class="hs-field">
            <span>Account</span>
            <input
              value={state.account}
              onInput={(e) => onChange({ account: e.currentTarget.value })}
              spellcheck={false}
              autocomplete="off"
              inputMode="numeric"
              size={14}
            />
          </label>
          {scopeProblem('account') && (
            <span class="hs-policy-sim__field-problem">{scopeProblem('account')}</span>
          )}
        </div>
      </div>
      <p class="hs-policy-sim__arn">
        <span>Checked:</span> <code>{sim.request.request.action}</code> on{' '}
        <code class="hs-policy-sim__resource">{sim.request.request.resource}</code>
      </p>
      {refusals.length > 0 && (
        <div class="hs-problems hs-policy-sim__refused" role="alert">
          <p>
            {state.action === 'iot:Receive' ? (
              <strong>No message is ever published on this topic name</strong>
            ) : (
              <strong>The broker refuses this {ACTION_PACKET[state.action]}</strong>
            )}
            , before any policy is consulted: the {kind} breaks{' '}
            {refusals.length === 1 ? 'a rule' : `${refusals.length} rules`} of MQTT or AWS IoT Core.
            The decision below is what the policies alone would say.
          </p>
          <ul>
            {refusals.map((r) => (
              <li key={r.rule + r.message}>
                <strong>{r.title}</strong> <span class="hs-rule">[{r.rule}]</span> {r.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
