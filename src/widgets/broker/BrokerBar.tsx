import { useState } from 'preact/hooks';
import { checkBrowserBrokerUrl } from '../../core/mqtt/broker-url.ts';
import {
  choose,
  PUBLIC_BROKERS,
  type BrokerChoice,
  type BrokerPick,
} from '../../browser/connection/broker-choice.ts';

interface Props {
  choice: BrokerChoice | null;
  /** True while any client is connected: switching then would strand it. */
  busy: boolean;
}

type Option = 'lab-server' | 'in-page' | 'public' | 'custom';

/** Which broker the widgets on this page use, and a way to pick another. */
export default function BrokerBar({ choice, busy }: Props) {
  const [open, setOpen] = useState(false);
  const [option, setOption] = useState<Option>(choice?.current.kind ?? 'in-page');
  const [publicId, setPublicId] = useState(PUBLIC_BROKERS[0]!.id);
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<{ title: string; message: string } | null>(null);

  if (!choice)
    return (
      <div class="hs-broker" role="status">
        Looking for a broker…
      </div>
    );

  async function apply(event: Event) {
    event.preventDefault();
    let pick: BrokerPick;
    if (option === 'custom') {
      const check = checkBrowserBrokerUrl(url);
      if (!check.ok) return setProblem(check);
      pick = { kind: 'custom', url: check.url };
    } else if (option === 'public') {
      pick = { kind: 'public', id: publicId };
    } else {
      pick = { kind: option };
    }
    setProblem(null);
    await choose(pick);
    setOpen(false);
  }

  const current = choice.current;
  return (
    <div class="hs-broker" data-broker={current.kind}>
      <div class="hs-broker__current">
        <span class="hs-broker__label">Broker</span>
        <span>
          <strong>{current.label}</strong>{' '}
          {current.kind !== 'in-page' && <code>{current.url}</code>}
          {current.kind === 'in-page' && (
            <span class="hs-note hs-note--inline">runs inside this page; nothing leaves it</span>
          )}
        </span>
        <button
          type="button"
          class="hs-button hs-button--quiet"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          disabled={busy}
          title={busy ? 'Disconnect the clients first' : undefined}
        >
          Change broker
        </button>
      </div>
      {current.topicPrefix && (
        <p class="hs-warning hs-broker__public">
          Anyone can read what is published on a public broker. Your topics here start with{' '}
          <code>{current.topicPrefix}</code>, a prefix made for you, so other people&apos;s demos
          stay out of your log.
        </p>
      )}
      {open && (
        <form class="hs-broker__picker" onSubmit={apply} aria-label="Pick a broker">
          <fieldset>
            <legend>Where should the widgets on this page connect?</legend>
            <Choice value="in-page" selected={option} onSelect={setOption}>
              In-page lab: a broker inside this page, no server needed
            </Choice>
            {choice.labServer && (
              <Choice value="lab-server" selected={option} onSelect={setOption}>
                Lab server (npm start) at <code>{choice.labServer.url}</code>
              </Choice>
            )}
            <Choice value="public" selected={option} onSelect={setOption}>
              A public broker
            </Choice>
            {option === 'public' && (
              <label class="hs-field hs-broker__sub">
                <span>Public broker</span>
                <select value={publicId} onChange={(e) => setPublicId(e.currentTarget.value)}>
                  {PUBLIC_BROKERS.map((broker) => (
                    <option key={broker.id} value={broker.id}>
                      {broker.label} ({broker.note})
                    </option>
                  ))}
                </select>
              </label>
            )}
            <Choice value="custom" selected={option} onSelect={setOption}>
              Another broker&apos;s MQTT over WebSocket address
            </Choice>
            {option === 'custom' && (
              <label class="hs-field hs-broker__sub">
                <span>MQTT over WebSocket address</span>
                <input
                  value={url}
                  placeholder="wss://broker.example:8884/mqtt"
                  onInput={(e) => setUrl(e.currentTarget.value)}
                  spellcheck={false}
                  autocomplete="off"
                />
              </label>
            )}
          </fieldset>
          {problem && (
            <div class="hs-problems" role="alert">
              <strong>{problem.title}.</strong> {problem.message}
            </div>
          )}
          <div class="hs-row">
            <button type="submit" class="hs-button hs-button--primary">
              Use this broker
            </button>
            <button type="button" class="hs-button hs-button--quiet" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function Choice(props: {
  value: Option;
  selected: Option;
  onSelect: (value: Option) => void;
  children: preact.ComponentChildren;
}) {
  return (
    <label class="hs-check">
      <input
        type="radio"
        name="hs-broker"
        value={props.value}
        checked={props.selected === props.value}
        onChange={() => props.onSelect(props.value)}
      />
      <span>{props.children}</span>
    </label>
  );
}
