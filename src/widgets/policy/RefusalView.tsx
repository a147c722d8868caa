import type { Refusal, StatementName } from '../../core/lab/lab-event.ts';

/** `policy "p" v2, Statement[1] (Sid)`: a statement as the learner finds it in the editor. */
export function statementWords(s: StatementName): string {
  const version = s.version ? ` v${s.version}` : '';
  const group = s.attachedTo === 'thing-group' ? ' (thing group)' : '';
  const sid = s.sid ? ` "${s.sid}"` : '';
  return `policy "${s.policy}"${version}${group}, ${s.at}${sid}`;
}

/**
 * One refusal by the lab broker, with the policy decision behind it when there is one: the
 * request, the deny that decided it or the allow that came closest and what it lacked.
 */
export default function RefusalView({ refusal }: { refusal: Refusal }) {
  const why = refusal.explanation;
  return (
    <div class="hs-refusal" data-code={refusal.code}>
      <p class="hs-refusal__title">
        <strong>{refusal.title}</strong>
      </p>
      <p class="hs-refusal__message">{refusal.message}</p>
      {why && (
        <dl class="hs-refusal__why">
          <dt>Decision</dt>
          <dd data-outcome={why.outcome}>
            {why.outcome === 'explicitly-denied' ? 'Explicitly denied' : 'Implicitly denied'}
          </dd>
          <dt>Request</dt>
          <dd>
            <code>{why.action}</code> on <code class="hs-refusal__arn">{why.resource}</code>
          </dd>
          {why.deciding && (
            <>
              <dt>Decided by</dt>
              <dd>{statementWords(why.deciding)}</dd>
            </>
          )}
          {why.nearest && (
            <>
              <dt>Nearest allow</dt>
              <dd>
                {statementWords(why.nearest)}
                {why.nearest.lacks.length > 0 && (
                  <ul class="hs-refusal__lacks">
                    {why.nearest.lacks.map((lack) => (
                      <li key={lack}>{lack}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </>
          )}
          {why.note && (
            <>
              <dt>Lab note</dt>
              <dd>{why.note}</dd>
            </>
          )}
        </dl>
      )}
      {refusal.rule && <p class="hs-note hs-note--inline">Rule: {refusal.rule}</p>}
    </div>
  );
}
