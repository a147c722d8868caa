import type { TopicProblem } from '../../core/mqtt/index.ts';

/** The reasons a topic name or filter was not sent, each with the rule it breaks. */
export default function TopicProblems({
  problems,
  what,
}: {
  problems: TopicProblem[];
  what: string;
}) {
  if (problems.length === 0) return null;
  return (
    <div class="hs-problems" role="alert">
      <p>
        <strong>Not sent:</strong> a broker closes the connection of a client that sends an invalid{' '}
        {what}, so this client refuses to send it.
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={problem.rule + problem.message}>
            <strong>{problem.title}</strong> <span class="hs-rule">[{problem.rule}]</span>{' '}
            {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
