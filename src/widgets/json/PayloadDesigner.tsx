import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { connectionFor } from '../../browser/connection/broker-choice.ts';
import type { MqttSession } from '../../browser/connection/connection.ts';
import { minify, prettyPrint } from '../../core/json/format.ts';
import { payloadSize } from '../../core/json/payload.ts';
import { checkSyntax } from '../../core/json/syntax.ts';
import { TELEMETRY_SCHEMA } from '../../core/json/schemas.ts';
import { validateTopicName, type TopicProblem } from '../../core/mqtt/index.ts';
import { utf8ByteLength } from '../../core/mqtt/topic-problem.ts';
import BrokerBar from '../broker/BrokerBar.tsx';
import { useBrokerChoice } from '../broker/use-broker.ts';
import { randomSuffix } from '../mqtt/client-ids.ts';
import TopicProblems from '../mqtt/TopicProblems.tsx';
import { useHydrated } from '../use-hydrated.ts';
import JsonField from './JsonField.tsx';
import { useSchemaTools } from './use-schema-tools.ts';
import Verdict from './Verdict.tsx';
import '../widgets.css';

interface Props {
  /** The topic name to publish to. Default: lab/greenhouse/telemetry. */
  topic?: string;
}

interface Sent {
  id: number;
  ok: boolean;
  text: string;
}

const START_PAYLOAD = `{
  "deviceId": "greenhouse-1",
  "ts": 1735689600000,
  "temperature_c": 21.5,
  "humidity_pct": 48
}`;

const SCHEMA_NAME = 'your schema';
/** Stands for the schema while the schema tools load: not usable yet, with nothing to fix. */
const LOADING = { ok: false as const, problems: [] };

/**
 * Design a payload against a JSON Schema, then publish it to the lab. Both boxes show their
 * problems the course's one way; only a payload that matches the schema can be sent.
 */
export default function PayloadDesigner({
  topic: initialTopic = 'lab/greenhouse/telemetry',
}: Props) {
  const hydrated = useHydrated();
  const choice = useBrokerChoice();
  const connection = useMemo(
    () => (choice?.current ? connectionFor(choice.current) : null),
    [choice],
  );
  const [schemaText, setSchemaText] = useState(() => prettyText(JSON.stringify(TELEMETRY_SCHEMA)));
  const [payload, setPayload] = useState(START_PAYLOAD);
  const [topic, setTopic] = useState(initialTopic);
  const [minified, setMinified] = useState(true);
  const [topicProblems, setTopicProblems] = useState<TopicProblem[]>([]);
  const [sent, setSent] = useState<Sent[]>([]);
  const [busy, setBusy] = useState(false);
  const [connected, setConnected] = useState(false);
  const clientId = useRef('');
  const session = useRef<MqttSession | null>(null);

  // The client ID is random per page load, so it is made in the browser, not at build time.
  useEffect(() => {
    clientId.current = `designer-${randomSuffix()}`;
    return () => void session.current?.end();
  }, []);

  // The schema is compiled once the schema tools arrive, right after hydration.
  const tools = useSchemaTools();
  const schema = useMemo(
    () => (tools ? tools.compileSchema(schemaText, SCHEMA_NAME) : LOADING),
    [schemaText, tools],
  );
  const check = useMemo(
    () => (tools ? tools.checkJson(payload, schema.ok ? schema : null) : checkSyntax(payload)),
    [payload, schema, tools],
  );
  const wire = check.ok
    ? minified
      ? minify(payload)
      : { ok: true as const, text: payload }
    : null;
  const wireText = wire?.ok ? wire.text : payload;
  const size = payloadSize(utf8ByteLength(wireText));
  const blocked = !tools
    ? 'Loading the schema checker…'
    : !schema.ok
      ? 'Fix the schema first: the payload is checked against it.'
      : !check.ok
        ? 'Only a payload that matches the schema is sent. Fix the problems above.'
        : size.overLimit
          ? 'AWS IoT Core would reject a payload this large.'
          : !connection
            ? 'No broker is available; pick one above.'
            : null;

  const note = (ok: boolean, text: string) =>
    setSent((list) => [{ id: Date.now() + Math.random(), ok, text }, ...list].slice(0, 20));

  async function open(): Promise<MqttSession> {
    if (session.current) return session.current;

    const opened = await connection!.connect({ clientId: clientId.current });
    session.current = opened;
    setConnected(true);
    opened.on('closed', ({ reason, byClient }) => {
      if (session.current === opened) session.current = null;
      setConnected(false);
      if (!byClient) note(false, `The broker closed the connection: ${reason}`);
    });
    return opened;
  }

  async function publish(event: Event) {
    event.preventDefault();
    const problems = validateTopicName(topic, 'mqtt');
    setTopicProblems(problems);
    if (problems.length > 0 || blocked || !wire?.ok) return;

    setBusy(true);
    try {
      const opened = await open();
      await opened.publish(topic, wire.text, { qos: 1, retain: false });
      note(
        true,
        `Published ${size.bytes} bytes to ${topic} as ${clientId.current} (QoS 1, PUBACK received).`,
      );
    } catch (error) {
      note(false, `Not delivered: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      class="hs-widget hs-designer not-content"
      role="group"
      aria-label="Payload designer"
      data-ready={hydrated && tools ? 'true' : 'false'}
    >
      <BrokerBar choice={choice} busy={connected} />
      <div class="hs-designer__columns">
        <JsonField
          label="Schema (JSON Schema 2020-12)"
          value={schemaText}
          onInput={setSchemaText}
          problems={schema.ok ? schema.notes : schema.problems}
          rows={12}
        >
          {tools ? (
            <span class={`hs-json-verdict hs-json-verdict--${schema.ok ? 'valid' : 'invalid'}`}>
              {schema.ok ? '✔ The schema compiles' : '✘ Not a usable schema'}
            </span>
          ) : (
            <span class="hs-json-verdict">Loading the schema checker…</span>
          )}
        </JsonField>
        <JsonField
          label="Payload"
          value={payload}
          onInput={setPayload}
          problems={check.problems}
          rows={8}
        >
          <Verdict check={check} schemaName={schema.ok ? SCHEMA_NAME : undefined} />
        </JsonField>
      </div>
      <form class="hs-designer__send" onSubmit={publish} aria-label="Publish the payload">
        <label class="hs-field hs-field--grow">
          <span>Topic name</span>
          <input
            value={topic}
            onInput={(e) => setTopic(e.currentTarget.value)}
            spellcheck={false}
            autocomplete="off"
          />
        </label>
        <label class="hs-check">
          <input
            type="checkbox"
            checked={minified}
            onChange={(e) => setMinified(e.currentTarget.checked)}
          />
          Send minified
        </label>
        <button
          type="submit"
          class="hs-button hs-button--primary"
          disabled={blocked !== null || busy}
        >
          {busy ? 'Publishing…' : 'Publish'}
        </button>
      </form>
      <p class={`hs-note hs-designer__size${size.overLimit ? ' hs-designer__size--over' : ''}`}>
        {blocked ??
          `Sends ${size.words}${minified && wire?.ok ? ` (as typed: ${utf8ByteLength(payload)} bytes)` : ''}.`}
      </p>
      <TopicProblems problems={topicProblems} what="topic name" />
      {sent.length > 0 && (
        <ol class="hs-designer__sent" aria-label="Sent messages" aria-live="polite">
          {sent.map((s) => (
            <li key={s.id} class={s.ok ? 'hs-designer__ok' : 'hs-designer__failed'}>
              {s.text}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function prettyText(text: string): string {
  const formatted = prettyPrint(text);
  return formatted.ok ? formatted.text : text;
}
