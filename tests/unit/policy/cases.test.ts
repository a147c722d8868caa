/**
 * Every case of the shared corpus `../shared/cases/policy-cases.json`, read from where it lives
 * so the course and the corpus cannot drift apart. Each case's expected decision must come out;
 * where its "why" names the deciding statement or an explicit Deny, that must come out too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  casePolicies,
  evaluate,
  type Outcome,
  type RequestContext,
} from '../../../src/core/policy/index.ts';

const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../../..');
const CASE_FILE = path.resolve(repoRoot, '../shared/cases/policy-cases.json');

interface Case {
  id: string;
  action: string;
  resource: string;
  context: RequestContext;
  expected: 'allow' | 'deny';
  why: string;
  [key: string]: unknown;
}

const corpus = JSON.parse(readFileSync(CASE_FILE, 'utf8')) as { cases: Case[] };

/** The outcome a case's "why" states: a Deny that applies, or (for a deny) none. */
function outcomeFromWhy(c: Case): Outcome {
  if (c.expected === 'allow') return 'allowed';
  const explicit = /[Ee]xplicit|\bDeny\b.*\b(applies|wins|denies)\b|\(Deny\b/.test(c.why);

  return explicit ? 'explicitly-denied' : 'implicitly-denied';
}

const ORDINALS = ['First', 'Second', 'Third'];

/** The statement a case's "why" names ("Statement 1", "Second statement"), counted from 0. */
function statementFromWhy(c: Case): number | undefined {
  const numbered = /\bStatement (\d+)\b/.exec(c.why);
  if (numbered) return Number(numbered[1]) - 1;
  const ordinal = new RegExp(`\\b(${ORDINALS.join('|')}) statement\\b`).exec(c.why);

  return ordinal ? ORDINALS.indexOf(ordinal[1] ?? '') : undefined;
}

describe('the shared policy corpus', () => {
  it('is the file the spec describes, with every case present', () => {
    expect(corpus.cases.length).toBe(165);
  });

  it.each(corpus.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const decision = evaluate(
      { action: c.action, resource: c.resource },
      casePolicies(c),
      c.context,
    );

    expect(decision.allowed ? 'allow' : 'deny', c.why).toBe(c.expected);
    expect(decision.outcome, c.why).toBe(outcomeFromWhy(c));

    if (decision.outcome !== 'implicitly-denied') {
      expect(decision.decidingStatement?.effect).toBe(decision.allowed ? 'Allow' : 'Deny');
    } else {
      expect(decision.decidingStatement).toBeUndefined();
    }

    const named = statementFromWhy(c);
    if (named !== undefined) expect(decision.decidingStatement?.index).toBe(named);
  });
});
