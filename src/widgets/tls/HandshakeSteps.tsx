import type { HandshakeStep, Side } from '../../core/tls/handshake-report.ts';

/** The two parties as the lessons name them. */
export const SIDE_NAMES: Record<Side, string> = { client: 'Device', server: 'Broker' };

const ARROWS: Record<Side, string> = { client: 'Device → Broker', server: 'Broker → Device' };

/** Where a row's message goes; the registry lookup is no message, but the broker's own step. */
function directionOf(step: HandshakeStep): string {
  if (step.message === 'Registry lookup') return 'inside the broker, after TLS';
  return ARROWS[step.from];
}

/**
 * The handshake as a sequence between two columns, device and broker: one row per message, in
 * the sender's column, each opening to what it carries and what each side checked on it.
 */
export default function HandshakeSteps({ steps }: { steps: HandshakeStep[] }) {
  return (
    <div class="hs-tls-steps">
      <div class="hs-tls-steps__lanes" aria-hidden="true">
        <span>Device (TLS client)</span>
        <span>Broker (TLS server)</span>
      </div>
      <ol class="hs-tls-steps__list" aria-label="Handshake messages">
        {steps.map((step, index) => (
          <StepRow key={`${index}:${step.message}`} step={step} />
        ))}
      </ol>
    </div>
  );
}

function StepRow({ step }: { step: HandshakeStep }) {
  const failed = step.checks.filter((c) => !c.passed).length;
  // An alert ends the handshake (RFC 8446 §6.2), so its row is marked as the failure it reports.
  const ending = failed > 0 || step.message === 'Alert';
  const local = step.from === 'client' ? 'server' : 'client';
  return (
    <li
      class={`hs-tls-step hs-tls-step--${step.from}${ending ? ' hs-tls-step--failed' : ''}`}
      data-message={step.message}
      data-from={step.from}
      data-passed={String(failed === 0)}
    >
      <details>
        <summary>
          <strong class="hs-tls-step__name">{step.message}</strong>{' '}
          <span class="hs-tls-step__arrow">{directionOf(step)}</span>{' '}
          <CheckCount total={step.checks.length} failed={failed} />
        </summary>
        <div class="hs-tls-step__body">
          <p>{step.summary}</p>
          {step.carries.length > 0 && (
            <dl class="hs-tls-carries" aria-label={`What ${step.message} carries`}>
              {step.carries.map((item) => (
                <div key={item.label} class="hs-tls-carries__entry">
                  <dt>
                    <code>{item.label}</code>
                  </dt>
                  <dd>{item.value}</dd>
                </div>
              ))}
            </dl>
          )}
          {step.transcriptHash && (
            <p class="hs-note">
              Transcript hash so far (SHA-256 over the model's encoding):{' '}
              <code>{step.transcriptHash}</code>
            </p>
          )}
          {step.checks.length > 0 && (
            <ul class="hs-pki-checks" aria-label={`Checks on ${step.message}`}>
              {step.checks.map((check, i) => (
                <li
                  key={`${i}:${check.what}`}
                  class={`hs-pki-check hs-pki-check--${check.passed ? 'passed' : 'failed'}`}
                  data-passed={String(check.passed)}
                >
                  <span class="hs-pki-check__mark" aria-hidden="true">
                    {check.passed ? '✔' : '✘'}
                  </span>
                  <span class="hs-pki-check__body">
                    <strong>
                      {check.passed ? 'Passed' : 'Failed'}: {check.what}
                    </strong>{' '}
                    <span class="hs-note hs-note--inline">
                      checked by the {SIDE_NAMES[check.by ?? local].toLowerCase()}
                    </span>
                    <span>{check.detail}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </details>
    </li>
  );
}

function CheckCount({ total, failed }: { total: number; failed: number }) {
  if (total === 0) return null;
  if (failed > 0)
    return (
      <span class="hs-tls-step__count hs-tls-step__count--failed">
        ✘ {failed} of {total} {total === 1 ? 'check' : 'checks'} failed
      </span>
    );
  return (
    <span class="hs-tls-step__count">
      ✔ {total} {total === 1 ? 'check' : 'checks'} passed
    </span>
  );
}
