/**
 * A decision in words, for the terminal and for anything else that shows text: the outcome,
 * the deciding statement, the nearest miss for an implicit deny, and every statement with its
 * Action, Resource and Condition, values shown after substitution.
 */
import type { ClauseResult } from './condition.ts';
import type { Decision, ElementResult, PolicyResult, StatementResult } from './decision.ts';
import { nameStatement } from './evaluate.ts';
import { formatPath } from './policy-path.ts';
import type { VariableUse } from './policy-variable.ts';

const YES = '✔';
const NO = '✘';

/** The whole explanation, one line per fact, ending with a newline. */
export function explainDecision(decision: Decision): string {
  const lines = [`${decision.allowed ? YES : NO} ${decision.summary}`];

  if (decision.nearMiss) {
    lines.push(
      '',
      `Nearest: ${nameStatement(decision.nearMiss.statement)} (Allow) would apply but`,
    );
    for (const lack of decision.nearMiss.lacks) lines.push(`  - ${lack}.`);
  }
  if (decision.outcome === 'allowed' && decision.matchingStatements.length > 1) {
    lines.push(
      '',
      `Also allowing it: ${decision.matchingStatements.slice(1).map(nameStatement).join('; ')}.`,
    );
  }

  const notes = decision.policies.flatMap(policyNotes);
  if (notes.length > 0) lines.push('', ...notes);

  if (decision.statements.length === 0) {
    lines.push('', 'No statements were evaluated: no policy in effect has any.');
  } else {
    lines.push('', 'Statements:');
    for (const s of decision.statements) lines.push(...describeStatement(s).map((l) => `  ${l}`));
  }

  return `${lines.join('\n')}\n`;
}

/** The statement's verdict, then one line each for Action, Resource and Condition. */
export function describeStatement(s: StatementResult): string[] {
  const verdict = s.applies
    ? `applies, so it ${s.effect === 'Deny' ? 'denies' : 'allows'}`
    : 'does not apply';
  const lines = [`${s.applies ? YES : NO} ${nameStatement(s)}, ${s.effect}: ${verdict}`];

  lines.push(...element(s.action), ...element(s.resource));
  if (s.condition.clauses.length === 0) lines.push(`    ${YES} Condition: none`);
  for (const clause of s.condition.clauses) lines.push(...describeClause(clause));

  return lines;
}

function element(e: ElementResult): string[] {
  const variables = e.entries.flatMap((entry) => entry.variables ?? []).map(variableLine);

  return [`    ${e.matched ? YES : NO} ${e.element}: ${e.reason}`, ...unique(variables)];
}

function describeClause(c: ClauseResult): string[] {
  const variables = c.values.flatMap((value) => value.variables).map(variableLine);

  return [
    `    ${c.holds ? YES : NO} Condition ${c.operator} ${c.key}: ${c.reason}`,
    ...unique(variables),
  ];
}

function variableLine(v: VariableUse): string {
  const text =
    v.value !== undefined
      ? `${v.raw} = ${JSON.stringify(v.value)}`
      : `${v.raw} unresolved: ${v.unresolved ?? 'no value'}; kept as literal text`;

  return `        ${text}`;
}

function unique(lines: string[]): string[] {
  return [...new Set(lines)];
}

function policyNotes(p: PolicyResult): string[] {
  const notes: string[] = [];
  if (p.attachedTo === 'thing-group') {
    notes.push(
      p.inEffect
        ? `Thing-group policy '${p.name}' is in effect: ${p.reason ?? ''}.`
        : `Thing-group policy '${p.name}' is not in effect: ${p.reason ?? ''}; thing-group ` +
            `policies apply only when the client ID equals the thing name.`,
    );
  }
  for (const skipped of p.skipped) {
    notes.push(`Policy '${p.name}' ${formatPath(skipped.path)} was skipped: ${skipped.reason}.`);
  }

  return notes;
}
