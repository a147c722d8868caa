import { useState } from 'preact/hooks';
import { checkBrowserBrokerUrl } from '../../core/mqtt/broker-url.ts';
import { choose, type BrokerChoice } from '../../browser/connection/broker-choice.ts';

interface Props {
  choice: BrokerChoice | null;
  /** True while any client is connected: switching then would strand it. */
  busy: boolean;
}

/** Which broker the widgets on this page use, and a way to pick another. */
export default function BrokerBar({ choice, busy }: Props) {
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState(choice?.pick?.kind === 'custom' ? choice.pick.url : '');
  const [problem, setProblem] = useState<{ title: string; message: string } | null>(null);

  if (!choice)
    return (
      <div class="hs-broker" role="status">
        Looking for a broker…
      </div>
    );

  async function useCustom(event: Event) {
    event.preventDefault();
    const check = checkBrowserBrokerUrl(url);
    if (!check.ok) return setProblem(check);
    setProblem(null);
    await choose({ kind: 'custom', url: check.url });
    setOpen(false);
  }

  const current = choice.current;
  return (
    <div class="hs-broker">
      <div class="hs-broker__current">
        <span class="hs-broker__label">Broker</span>
        {current ? (
          <span>
            <strong>{current.label}</strong> <code>{current.url}</code>
          </span>
        ) : (
          <span class="hs-broker__none">
            None yet. This page is not served by the lab server: run{' '}
            <code>npm ci && npm start</code> and open <code>http://127.0.0.1:4321/</code>, or give
            the address of a broker&apos;s MQTT over WebSocket.
          </span>
        )}
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
      {open && (
        <div class="hs-broker__picker">
          {choice.labServer && (
            <button
              type="button"
              class="hs-button"
              onClick={() => void choose({ kind: 'lab-server' }).then(() => setOpen(false))}
            >
              Use the lab server ({choice.labServer.url})
            </button>
          )}
          <form class="hs-row" onSubmit={useCustom} aria-label="Custom broker">
            <label class="hs-field hs-field--grow">
              <span>MQTT over WebSocket address</span>
              <input
                value={url}
                placeholder="ws://127.0.0.1:4321/mqtt"
                onInput={(e) => setUrl(e.currentTarget.value)}
                spellcheck={false}
                autocomplete="off"
              />
            </label>
            <button type="submit" class="hs-button">
              Use this broker
            </button>
          </form>
          {problem && (
            <div class="hs-problems" role="alert">
              <strong>{problem.title}.</strong> {problem.message}
            </div>
          )}
          <p class="hs-note">
            Anyone can read what is published on a public broker. The lab server keeps your messages
            on this machine.
          </p>
        </div>
      )}
    </div>
  );
}
