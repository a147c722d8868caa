import { useState } from 'preact/hooks';
import PolicyField from './PolicyField.tsx';
import type { PolicyDraft } from './scenarios.ts';
import type { PolicyOutcome } from './simulate.ts';

interface Props {
  policies: PolicyDraft[];
  /** The check of each policy, in the same order. */
  outcomes: PolicyOutcome[];
  onChange: (policies: PolicyDraft[]) => void;
}

const EMPTY_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "iot:Publish",
      "Resource": "arn:aws:iot:us-east-1:123456789012:topic/example"
    }
  ]
}`;

/** The policies in the simulation, each with the policy editor; removing one can be undone. */
export default function PolicyList({ policies, outcomes, onChange }: Props) {
  const [removed, setRemoved] = useState<{ policy: PolicyDraft; index: number } | null>(null);

  function change(index: number, part: Partial<PolicyDraft>) {
    onChange(policies.map((p, i) => (i === index ? { ...p, ...part } : p)));
  }

  function remove(index: number) {
    setRemoved({ policy: policies[index]!, index });
    onChange(policies.filter((_, i) => i !== index));
  }

  function undo() {
    if (!removed) return;

    const restored = [...policies];
    restored.splice(Math.min(removed.index, restored.length), 0, removed.policy);
    onChange(restored);
    setRemoved(null);
  }

  function add() {
    const names = new Set(policies.map((p) => p.name));
    let n = policies.length + 1;
    while (names.has(`policy-${n}`)) n += 1;
    onChange([...policies, { name: `policy-${n}`, attachedTo: 'principal', text: EMPTY_POLICY }]);
  }

  return (
    <section class="hs-policy-sim__section" aria-label="Policies">
      <h3>Policies</h3>
      {policies.map((policy, index) => {
        const outcome = outcomes[index];
        return (
          <fieldset key={index} class="hs-policy-card" data-policy={outcome?.name}>
            <legend>Policy {index + 1}</legend>
            <div class="hs-row">
              <label class="hs-field hs-field--grow">
                <span>Name</span>
                <input
                  value={policy.name}
                  onInput={(e) => change(index, { name: e.currentTarget.value })}
                  spellcheck={false}
                  autocomplete="off"
                />
              </label>
              <label class="hs-field">
                <span>Attached to</span>
                <select
                  aria-label="Attached to"
                  value={policy.attachedTo}
                  onChange={(e) =>
                    change(index, {
                      attachedTo:
                        e.currentTarget.value === 'thing-group' ? 'thing-group' : 'principal',
                    })
                  }
                >
                  <option value="principal">the certificate</option>
                  <option value="thing-group">the thing's group</option>
                </select>
              </label>
              <button
                type="button"
                class="hs-button"
                disabled={policies.length === 1}
                onClick={() => remove(index)}
              >
                Remove
              </button>
            </div>
            {outcome && outcome.notes.length > 0 && (
              <ul class="hs-policy-card__notes">
                {outcome.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
            {outcome && (
              <PolicyField
                label={`Policy ${index + 1} document`}
                value={policy.text}
                onInput={(text) => change(index, { text })}
                check={outcome.check}
                rows={10}
              />
            )}
          </fieldset>
        );
      })}
      <div class="hs-row">
        <button type="button" class="hs-button" onClick={add}>
          Add a policy
        </button>
        {removed && (
          <p class="hs-note hs-note--inline" role="status">
            Removed “{removed.policy.name}”.{' '}
            <button type="button" class="hs-button hs-button--quiet" onClick={undo}>
              Undo
            </button>
          </p>
        )}
      </div>
    </section>
  );
}
