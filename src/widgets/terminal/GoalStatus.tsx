import type { TerminalGoal } from '../../core/shell/goal.ts';
import { goalWords } from './goal-words.ts';

interface Props {
  goals: readonly TerminalGoal[];
  reached: TerminalGoal | null;
}

/** The exercise's goal while it is open, then "Goal reached" and why it worked. */
export default function GoalStatus({ goals, reached }: Props) {
  return (
    <div class="hs-terminal__goal" role="status" data-reached={reached ? 'true' : 'false'}>
      {reached ? (
        <p>
          <strong class="hs-terminal__reached">✔ Goal reached.</strong> {reached.explain}
        </p>
      ) : (
        <p>
          <strong>Goal:</strong> {goals.map(goalWords).join(', or ')}.
        </p>
      )}
    </div>
  );
}
