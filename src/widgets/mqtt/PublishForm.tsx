import { useMemo, useState } from 'preact/hooks';
import { hasErrors } from '../../core/json/problem.ts';
import { checkSyntax, looksLikeJson } from '../../core/json/syntax.ts';
import type { TopicProblem } from '../../core/mqtt/index.ts';
import type { QoS } from '../../browser/connection/connection.ts';
import JsonProblems from '../json/JsonProblems.tsx';
import QosSelect from './QosSelect.tsx';
import TopicProblems from './TopicProblems.tsx';

interface Props {
  initialTopic: string;
  initialPayload: string;
  enabled: boolean;
  onPublish: (topic: string, payload: string, qos: QoS, retain: boolean) => Promise<TopicProblem[]>;
}

export default function PublishForm(props: Props) {
  const [topic, setTopic] = useState(props.initialTopic);
  const [payload, setPayload] = useState(props.initialPayload);
  const [qos, setQos] = useState<QoS>(0);
  const [retain, setRetain] = useState(false);
  const [problems, setProblems] = useState<TopicProblem[]>([]);
  const [failure, setFailure] = useState('');
  // A payload that starts like JSON is checked as JSON; the hint never stops it being sent.
  const jsonProblems = useMemo(
    () => (looksLikeJson(payload) ? checkSyntax(payload).problems : []),
    [payload],
  );

  async function submit(event: Event) {
    event.preventDefault();
    setFailure('');
    try {
      setProblems(await props.onPublish(topic, payload, qos, retain));
    } catch (error) {
      setFailure(`The message was not delivered to the broker: ${(error as Error).message}`);
    }
  }

  return (
    <form class="hs-form" onSubmit={submit} aria-label="Publish">
      <h4>Publish</h4>
      <label class="hs-field">
        <span>Topic name</span>
        <input
          value={topic}
          onInput={(e) => setTopic(e.currentTarget.value)}
          spellcheck={false}
          autocomplete="off"
        />
      </label>
      <label class="hs-field">
        <span>Payload</span>
        <textarea
          rows={3}
          value={payload}
          onInput={(e) => setPayload(e.currentTarget.value)}
          spellcheck={false}
        />
      </label>
      <JsonProblems
        problems={jsonProblems}
        limit={3}
        lead={
          hasErrors(jsonProblems)
            ? 'This payload starts like JSON but is not JSON. It can still be sent, as text; ' +
              'a receiver that expects JSON will reject it.'
            : 'Valid JSON, with a warning:'
        }
      />
      <div class="hs-row">
        <QosSelect value={qos} onChange={setQos} />
        <label class="hs-check">
          <input
            type="checkbox"
            checked={retain}
            onChange={(e) => setRetain(e.currentTarget.checked)}
          />
          Retain
        </label>
        <button type="submit" class="hs-button hs-button--primary" disabled={!props.enabled}>
          Publish
        </button>
      </div>
      <TopicProblems problems={problems} what="topic name" />
      {failure && (
        <p class="hs-error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
