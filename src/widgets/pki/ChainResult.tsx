import type { ChainCheck, ChainVerification } from '../../core/pki/index.ts';

const CHECK_WORDS: Record<ChainCheck['check'], string> = {
  issuer: 'Issuer found',
  signature: 'Signature',
  validity: 'Validity at the clock’s time',
  'trust-anchor': 'Trust anchor',
  ca: 'Issuer is a CA',
  'key-usage': 'Key usage',
  'extended-key-usage': 'Extended key usage',
  'path-length': 'Path length',
  'critical-extensions': 'Critical extensions',
};

const iso = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** Every check the verifier ran, leaf first, each ✔ or ✘ with its reason; then the notes. */
export default function ChainResult({ result }: { result: ChainVerification }) {
  const failed = result.failures.length;
  return (
    <div class="hs-pki-chain-result" data-valid={String(result.valid)}>
      <p
        class={`hs-json-verdict hs-json-verdict--${result.valid ? 'valid' : 'invalid'}`}
        role="status"
      >
        {result.valid
          ? `✔ The chain verifies at ${iso(result.at)} for a device (TLS client).`
          : `✘ The chain does not verify at ${iso(result.at)}: ${failed} ${failed === 1 ? 'check' : 'checks'} failed.`}
      </p>
      {result.notes.length > 0 && (
        <ul class="hs-pki-notes" aria-label="Notes on the chain">
          {result.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <ol class="hs-pki-checks" aria-label="Checks">
        {result.checks.map((check, i) => (
          <li
            key={`${i}:${check.check}`}
            class={`hs-pki-check hs-pki-check--${check.passed ? 'passed' : 'failed'}`}
            data-check={check.check}
            data-passed={String(check.passed)}
            {...(check.failure ? { 'data-failure': check.failure } : {})}
          >
            <span class="hs-pki-check__mark" aria-hidden="true">
              {check.passed ? '✔' : '✘'}
            </span>
            <span class="hs-pki-check__body">
              <strong>
                {check.passed
                  ? CHECK_WORDS[check.check]
                  : (check.title ?? CHECK_WORDS[check.check])}
              </strong>{' '}
              <span class="hs-note hs-note--inline">
                {check.position}: <code>{check.subject}</code>
              </span>
              <span class="hs-pki-check__detail">{check.detail}</span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
