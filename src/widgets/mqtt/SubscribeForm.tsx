import { useState } from 'preact/hooks';
import type { TopicProblem } from '../../core/mqtt/index.ts';
import type { QoS } from '../../browser/connection/connection.ts';
import QosSelect from './QosSelect.tsx';
import TopicProblems from './TopicProblems.tsx';

export interface ActiveSubscription {
  filter: string;
  /** The QoS the broker granted in SUBACK. */
  qos: QoS;
}

interface Props {
  initialFilter: string;
  enabled: boolean;
  subscriptions: ActiveSubscription[];
  onSubscribe: (filter: string, qos: QoS) => Promise<TopicProblem[]>;
  onUnsubscribe: (filter: string) => Promise<void>;
}

export default function SubscribeForm(props: Props) {
  const [filter, setFilter] = useState(props.initialFilter);
  const [qos, setQos] = useState<QoS>(0);
  const [problems, setProblems] = useState<TopicProblem[]>([]);
  const [failure, setFailure] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    setFailure('');
    try {
      setProblems(await props.onSubscribe(filter, qos));
    } catch (error) {
      setFailure(`The subscription did not go through: ${(error as Error).message}`);
    }
  }

  return (
    <form class="hs-form" onSubmit={submit} aria-label="Subscribe">
      <h4>Subscribe</h4>
      <div class="hs-row">
        <label class="hs-field hs-field--grow">
          <span>Topic filter</span>
          <input
            value={filter}
            onInput={(e) => setFilter(e.currentTarget.value)}
            spellcheck={false}
            autocomplete="off"
          />
        </label>
        <QosSelect value={qos} onChange={setQos} />
        <button type="submit" class="hs-button" disabled={!props.enabled}>
          Subscribe
        </button>
      </div>
      <TopicProblems problems={problems} what="topic filter" />
      {failure && (
        <p class="hs-error" role="alert">
          {failure}
        </p>
      )}
      {props.subscriptions.length > 0 && (
        <ul class="hs-subs" aria-label="Subscriptions">
          {props.subscriptions.map((sub) => (
            <li key={sub.filter}>
              <code>{sub.filter}</code> <span class="hs-badge">QoS {sub.qos}</span>
              <button
                type="button"
                class="hs-button hs-button--quiet"
                onClick={() => void props.onUnsubscribe(sub.filter)}
                aria-label={`Unsubscribe from ${sub.filter}`}
              >
                Unsubscribe
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
