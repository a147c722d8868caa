import {
  nameStatement,
  type ClauseResult,
  type ElementResult,
  type StatementResult,
  type VariableUse,
} from '../../core/policy/index.ts';
import { shortSubstituted } from './statement-text.ts';

interface Props {
  statement: StatementResult;
  deciding: boolean;
  nearest: boolean;
}

/** One statement against the request: its Action, Resource and Condition, each matched or not. */
export default function StatementView({ statement: s, deciding, nearest }: Props) {
  const verdict = s.applies
    ? `applies, so it ${s.effect === 'Deny' ? 'denies' : 'allows'}`
    : 'does not apply';
  const classes = [
    'hs-statement',
    s.applies ? 'hs-statement--applies' : 'hs-statement--skips',
    deciding ? 'hs-statement--deciding' : '',
    nearest ? 'hs-statement--nearest' : '',
  ].filter(Boolean);

  return (
    <li
      class={classes.join(' ')}
      data-policy={s.policy}
      data-at={s.at}
      data-applies={s.applies}
      {...(deciding ? { 'data-deciding': 'true', 'aria-current': 'true' } : {})}
    >
      <div class="hs-statement__head">
        <span
          class={`hs-badge hs-statement__effect hs-statement__effect--${s.effect.toLowerCase()}`}
        >
          {s.effect}
        </span>
        <strong class="hs-statement__name">{nameStatement(s)}</strong>
        <span class="hs-statement__verdict">{verdict}</span>
        {deciding && <span class="hs-badge hs-badge--deciding">deciding statement</span>}
        {nearest && <span class="hs-badge hs-badge--nearest">nearest</span>}
      </div>
      <ul class="hs-statement__parts">
        <Element element={s.action} />
        <Element element={s.resource} />
        {s.condition.clauses.length === 0 ? (
          <li class="hs-statement__part" data-part="Condition" data-matched="true">
            <Mark ok /> <span class="hs-statement__label">Condition</span> none
          </li>
        ) : (
          s.condition.clauses.map((c) => <Clause key={`${c.operator}:${c.key}`} clause={c} />)
        )}
      </ul>
    </li>
  );
}

function Element({ element }: { element: ElementResult }) {
  const substituted = element.entries.filter((e) => (e.variables?.length ?? 0) > 0);

  return (
    <li class="hs-statement__part" data-part={element.element} data-matched={element.matched}>
      <Mark ok={element.matched} /> <span class="hs-statement__label">{element.element}</span>{' '}
      {element.reason}
      {substituted.length > 0 && (
        <ul class="hs-statement__entries">
          {substituted.map((e) => (
            <li key={e.written} class="hs-statement__entry" data-matched={e.matched}>
              <code>{e.written}</code> <span aria-label="becomes">→</span>{' '}
              <code class="hs-statement__substituted">
                {shortSubstituted(e.written, e.substituted ?? e.written)}
              </code>
              <Variables variables={e.variables ?? []} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Clause({ clause }: { clause: ClauseResult }) {
  const variables = clause.values.flatMap((v) => v.variables);

  return (
    <li class="hs-statement__part" data-part="Condition" data-matched={clause.holds}>
      <Mark ok={clause.holds} /> <span class="hs-statement__label">Condition</span>{' '}
      <code>
        {clause.operator} {clause.key}
      </code>
      : {clause.reason}
      <Variables variables={variables} />
    </li>
  );
}

function Variables({ variables }: { variables: readonly VariableUse[] }) {
  const unique = variables.filter((v, i) => variables.findIndex((w) => w.raw === v.raw) === i);
  if (unique.length === 0) return null;

  return (
    <ul class="hs-statement__variables">
      {unique.map((v) =>
        v.value !== undefined ? (
          <li key={v.raw} class="hs-variable" data-resolved="true">
            <code>{v.raw}</code> = <code>{JSON.stringify(v.value)}</code>
          </li>
        ) : (
          <li key={v.raw} class="hs-variable hs-variable--unresolved" data-resolved="false">
            <code>{v.raw}</code> unresolved: {v.unresolved ?? 'no value'}; it stays as literal text
            and matches nothing.
          </li>
        ),
      )}
    </ul>
  );
}

function Mark({ ok }: { ok: boolean }) {
  return (
    <span class={`hs-statement__mark hs-statement__mark--${ok ? 'yes' : 'no'}`} aria-hidden="true">
      {ok ? '✔' : '✘'}
    </span>
  );
}
