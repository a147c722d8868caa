import { useMemo, useState } from 'preact/hooks';
import {
  matchTopic,
  PROFILES,
  validateTopicFilter,
  type Profile,
  type TopicMatch,
} from '../core/mqtt/index.ts';
import { useHydrated } from './use-hydrated.ts';
import './widgets.css';

interface Props {
  /** The topic filter to start with. */
  filter?: string;
  /** Topic names to test, one per line in the box. */
  topics?: string[];
}

const PROFILE_LABELS: Record<Profile, string> = {
  mqtt: 'MQTT 3.1.1 spec',
  'aws-iot': 'AWS IoT Core',
};

/** One topic filter against several topic names, judged under each profile with the reason. */
export default function TopicFilterTester({
  filter: initialFilter = 'sport/#',
  topics = [],
}: Props) {
  const hydrated = useHydrated();
  const [filter, setFilter] = useState(initialFilter);
  const [topicText, setTopicText] = useState(topics.join('\n'));
  const names = useMemo(() => topicText.split('\n').filter((line) => line !== ''), [topicText]);
  const filterProblems = useMemo(
    () => PROFILES.map((profile) => ({ profile, problems: validateTopicFilter(filter, profile) })),
    [filter],
  );

  return (
    <div
      class="hs-widget hs-tester not-content"
      role="group"
      aria-label="Topic filter tester"
      data-ready={hydrated ? 'true' : 'false'}
    >
      <label class="hs-field">
        <span>Topic filter</span>
        <input
          value={filter}
          onInput={(e) => setFilter(e.currentTarget.value)}
          spellcheck={false}
          autocomplete="off"
        />
      </label>
      {filterProblems.map(({ profile, problems }) =>
        problems.length > 0 ? (
          <div key={profile} class="hs-problems" role="alert" data-profile={profile}>
            <p>
              <strong>Invalid topic filter under {PROFILE_LABELS[profile]}.</strong>
            </p>
            <ul>
              {problems.map((p) => (
                <li key={p.rule + p.message}>
                  <strong>{p.title}</strong> <span class="hs-rule">[{p.rule}]</span> {p.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      <label class="hs-field">
        <span>Topic names, one per line</span>
        <textarea
          rows={Math.min(8, Math.max(3, names.length + 1))}
          value={topicText}
          onInput={(e) => setTopicText(e.currentTarget.value)}
          spellcheck={false}
        />
      </label>
      <ul class="hs-tester__results" aria-label="Results">
        {names.map((name, index) => (
          <li key={`${index}:${name}`} class="hs-tester__topic" data-topic={name}>
            <code>{name}</code>
            <div class="hs-tester__verdicts">
              {PROFILES.map((profile) => (
                <Verdict key={profile} result={matchTopic(filter, name, profile)} />
              ))}
            </div>
          </li>
        ))}
      </ul>
      {names.length === 0 && (
        <p class="hs-note">Add a topic name to see whether the filter matches it.</p>
      )}
    </div>
  );
}

function Verdict({ result }: { result: TopicMatch }) {
  const kind = !result.valid ? 'invalid' : result.matched ? 'match' : 'miss';
  const mark = { invalid: '⚠ invalid', match: '✔ match', miss: '✘ no match' }[kind];
  return (
    <div class={`hs-verdict hs-verdict--${kind}`} data-profile={result.profile} data-result={kind}>
      <span class="hs-verdict__profile">{PROFILE_LABELS[result.profile]}</span>
      <span class="hs-verdict__mark">{mark}</span>
      <span class="hs-verdict__reason">{result.reason}</span>
    </div>
  );
}
