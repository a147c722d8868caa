import PayloadViews from '../json/PayloadViews.tsx';
import { clockTime } from './clock-time.ts';
import type { LogEntry } from './log-entry.ts';
import { refusalLines } from './refusal-lines.ts';

interface Props {
  entries: LogEntry[];
  onClear: () => void;
}

/** A client's message log. Topics and payloads are rendered as text nodes, never as HTML. */
export default function MessageLog({ entries, onClear }: Props) {
  return (
    <section class="hs-log" aria-label="Message log">
      <header class="hs-log__head">
        <h4>Message log</h4>
        <button
          type="button"
          class="hs-button hs-button--quiet"
          onClick={onClear}
          disabled={entries.length === 0}
        >
          Clear
        </button>
      </header>
      {entries.length === 0 ? (
        <p class="hs-log__empty">Nothing yet. Messages this client receives appear here.</p>
      ) : (
        <ol class="hs-log__list" aria-live="polite">
          {entries.map((entry) => (
            <li
              key={entry.id}
              class={`hs-log__entry hs-log__entry--${entry.kind}`}
              data-kind={entry.kind}
            >
              <time class="hs-log__time">{clockTime(entry.time)}</time>
              {entry.kind === 'message' ? <Message entry={entry} /> : <Note entry={entry} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Message({ entry }: { entry: Extract<LogEntry, { kind: 'message' }> }) {
  return (
    <div class="hs-log__message">
      <div class="hs-log__meta">
        <code class="hs-log__topic">{entry.topic}</code>
        <span class="hs-badge">QoS {entry.qos}</span>
        {entry.retain && <span class="hs-badge hs-badge--retain">retained</span>}
      </div>
      {entry.payload.length === 0 ? (
        <p class="hs-log__payload hs-log__payload--empty">(empty payload)</p>
      ) : (
        <PayloadViews payload={entry.payload} />
      )}
    </div>
  );
}

function Note({ entry }: { entry: Exclude<LogEntry, { kind: 'message' }> }) {
  const why = entry.refusal ? refusalLines(entry.refusal) : [];
  return (
    <div class="hs-log__note">
      <strong>{entry.title}</strong>
      {entry.detail && <p>{entry.detail}</p>}
      {why.length > 0 && (
        <ul class="hs-log__why" aria-label="Why the broker refused">
          {why.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
