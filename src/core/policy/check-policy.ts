/** Validation and lint together, as `handshake policy check` and an editor show them. */
import type { PolicyProblem } from './policy-problem.ts';
import { lintRead } from './lint.ts';
import { validatePolicy, withLocations } from './validate.ts';

export interface PolicyCheck {
  /** No problem of severity 'error'. */
  valid: boolean;
  /** Validation problems and lint findings together, in document order. */
  problems: PolicyProblem[];
}

/** Validates and, when the text is JSON, lints. */
export function checkPolicy(input: string | unknown, name = 'policy'): PolicyCheck {
  const validation = validatePolicy(input, name);
  if (!validation.policy) return { valid: false, problems: validation.problems };

  const lints = lintRead(validation.policy);
  const all = [...validation.problems, ...lints];
  const problems = validation.locate ? withLocations(all, validation.locate) : all;

  return { valid: validation.valid, problems };
}
