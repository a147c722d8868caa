import { useEffect, useRef, useState } from 'preact/hooks';
import { validateTopicFilter, validateTopicName } from '../../core/mqtt/index.ts';
import { SUBACK_3, describeCode } from '../../core/mqtt/reason-codes.ts';
import {
  ConnectError,
  type Connection,
  type MqttSession,
  type QoS,
} from '../../browser/connection/connection.ts';
import { claimClientId, isClientIdInUse } from './client-ids.ts';
import { logEntry, type LogEntry, type NewLogEntry } from './log-entry.ts';
import MessageLog from './MessageLog.tsx';
import PublishForm from './PublishForm.tsx';
import SubscribeForm, { type ActiveSubscription } from './SubscribeForm.tsx';

export interface ClientPreset {
  clientId: string;
  filter: string;
  topic: string;
  payload: string;
}

interface Props {
  label: string;
  preset: ClientPreset;
  connection: Connection | null;
  /** Told when this client connects or its connection ends, so the page can lock the picker. */
  onConnectedChange?: (connected: boolean) => void;
}

type Status = 'idle' | 'connecting' | 'connected' | 'closed';
const MAX_LOG = 200;

/** One MQTT client: its ID and connection, its subscriptions, a publish form and its log. */
export default function ClientPanel({ label, preset, connection, onConnectedChange }: Props) {
  const [clientId, setClientId] = useState(preset.clientId);
  const [clean, setClean] = useState(true);
  const [status, setStatus] = useState<Status>('idle');
  const [duplicateWarning, setDuplicateWarning] = useState(false);
  const [subscriptions, setSubscriptions] = useState<ActiveSubscription[]>([]);
  const [log, setLog] = useState<LogEntry[]>([]);
  const session = useRef<MqttSession | null>(null);
  const release = useRef<(() => void) | null>(null);

  const append = (entry: NewLogEntry) =>
    setLog((entries) => [logEntry(entry), ...entries].slice(0, MAX_LOG));

  useEffect(() => () => void session.current?.end(), []);

  async function connect(force = false) {
    if (!connection) return;
    const id = clientId.trim();
    if (id === '') {
      append({
        kind: 'error',
        time: new Date(),
        title: 'Give this client an ID first',
        detail:
          'Every MQTT client needs a client ID; the broker uses it to find the session [MQTT-3.1.3-3].',
      });
      return;
    }
    if (!force && isClientIdInUse(id)) {
      setDuplicateWarning(true);
      return;
    }

    setDuplicateWarning(false);
    setStatus('connecting');
    try {
      const opened = await connection.connect({ clientId: id, clean });
      session.current = opened;
      release.current = claimClientId(id);
      opened.on('message', (m) =>
        append({
          kind: 'message',
          time: m.receivedAt,
          topic: m.topic,
          qos: m.qos,
          retain: m.retain,
          payload: m.payload,
        }),
      );
      opened.on('refusal', (refusal) =>
        append({
          kind: 'error',
          time: new Date(),
          title: refusal.title,
          detail: `${refusal.message}${refusal.rule ? ` (${refusal.rule})` : ''}`,
          refusal,
        }),
      );
      opened.on('closed', (next) => closed(opened, next.reason, next.byClient));
      setStatus('connected');
      onConnectedChange?.(true);
      append({
        kind: 'info',
        time: new Date(),
        title: `Connected as ${id}`,
        detail: `CONNACK 0: accepted. Session present: ${opened.sessionPresent ? 'yes' : 'no'}.`,
      });
    } catch (error) {
      setStatus('idle');
      const failure = error instanceof ConnectError ? error : null;
      append({
        kind: 'error',
        time: new Date(),
        title: failure?.title ?? 'Could not connect',
        detail: (error as Error).message,
      });
    }
  }

  function closed(which: MqttSession, reason: string, byClient: boolean) {
    if (session.current !== which) return;
    release.current?.();
    release.current = null;
    onConnectedChange?.(false);
    setStatus('closed');
    setSubscriptions([]);
    append({
      kind: byClient ? 'info' : 'error',
      time: new Date(),
      title: byClient ? 'Disconnected' : 'Connection closed by the broker',
      detail: byClient
        ? 'DISCONNECT sent; the broker forgets a clean session.'
        : `${reason} If another client connected with the same client ID, the broker closes the older one [MQTT-3.1.4-2].`,
    });
    // Refusal explanations can arrive just after the close; give them a moment, then let go.
    if (!byClient) setTimeout(() => void which.end(), 2000);
  }

  async function disconnect() {
    await session.current?.end();
  }

  async function subscribe(filter: string, qos: QoS) {
    const problems = validateTopicFilter(filter, 'mqtt');
    if (problems.length > 0) return problems;
    const granted = await session.current!.subscribe(filter, qos);
    const words = describeCode(SUBACK_3, granted);
    setSubscriptions((subs) => [
      ...subs.filter((s) => s.filter !== filter),
      ...(granted === 0x80 ? [] : [{ filter, qos: granted as QoS }]),
    ]);
    append({
      kind: granted === 0x80 ? 'error' : 'info',
      time: new Date(),
      title: `SUBACK for ${filter}: ${words.name}`,
      detail: words.meaning,
    });
    return [];
  }

  async function unsubscribe(filter: string) {
    await session.current!.unsubscribe(filter);
    setSubscriptions((subs) => subs.filter((s) => s.filter !== filter));
    append({ kind: 'info', time: new Date(), title: `Unsubscribed from ${filter}` });
  }

  async function publish(topic: string, payload: string, qos: QoS, retain: boolean) {
    const problems = validateTopicName(topic, 'mqtt');
    if (problems.length > 0) return problems;
    await session.current!.publish(topic, payload, { qos, retain });
    append({
      kind: 'sent',
      time: new Date(),
      title: `Published to ${topic}`,
      detail: `QoS ${qos}${retain ? ', retained' : ''}${qos === 1 ? ', PUBACK received' : ''}: ${payload.length > 80 ? `${payload.slice(0, 80)}…` : payload}`,
    });
    return [];
  }

  const connected = status === 'connected';
  return (
    <article class="hs-client" aria-label={`${label} client`} data-status={status}>
      <header class="hs-client__head">
        <h3>{label}</h3>
        <span class={`hs-status hs-status--${status}`} role="status">
          {statusWords(status)}
        </span>
      </header>
      <div class="hs-row">
        <label class="hs-field hs-field--grow">
          <span>Client ID</span>
          <input
            value={clientId}
            onInput={(e) => setClientId(e.currentTarget.value)}
            disabled={status === 'connecting' || connected}
            spellcheck={false}
            autocomplete="off"
          />
        </label>
        <label class="hs-check">
          <input
            type="checkbox"
            checked={clean}
            onChange={(e) => setClean(e.currentTarget.checked)}
            disabled={connected}
          />
          Clean session
        </label>
      </div>
      {duplicateWarning && (
        <div class="hs-warning" role="alert">
          <p>
            <strong>{clientId.trim()}</strong> is already connected from this page. A broker allows
            one connection per client ID and closes the older one [MQTT-3.1.4-2], so the two would
            keep kicking each other off. Change the ID, or connect anyway to see it happen.
          </p>
          <div class="hs-row">
            <button type="button" class="hs-button" onClick={() => void connect(true)}>
              Connect anyway
            </button>
            <button
              type="button"
              class="hs-button hs-button--quiet"
              onClick={() => setDuplicateWarning(false)}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      <div class="hs-row">
        {connected ? (
          <button type="button" class="hs-button" onClick={() => void disconnect()}>
            Disconnect
          </button>
        ) : (
          <button
            type="button"
            class="hs-button hs-button--primary"
            onClick={() => void connect()}
            disabled={!connection || status === 'connecting'}
          >
            {status === 'connecting' ? 'Connecting…' : 'Connect'}
          </button>
        )}
      </div>
      <SubscribeForm
        initialFilter={preset.filter}
        enabled={connected}
        subscriptions={subscriptions}
        onSubscribe={subscribe}
        onUnsubscribe={unsubscribe}
      />
      <PublishForm
        initialTopic={preset.topic}
        initialPayload={preset.payload}
        enabled={connected}
        onPublish={publish}
      />
      <MessageLog entries={log} onClear={() => setLog([])} />
    </article>
  );
}

function statusWords(status: Status): string {
  return {
    idle: 'Not connected',
    connecting: 'Connecting…',
    connected: 'Connected',
    closed: 'Disconnected',
  }[status];
}
