import { useState } from 'preact/hooks';
import { NOT_YET_VALID_DAYS, type BrokenSetup } from '../../core/tls/broken-setups.ts';
import ActionError from '../pki/ActionError.tsx';
import { fromClockValue, toClockValue } from '../pki/chain-clock.ts';
import { describeError } from '../pki/workshop-actions.ts';
import type { LabKind } from '../pki/use-registry.ts';
import ReportView from './ReportView.tsx';
import VerdictView from './VerdictView.tsx';
import { SIDE_NAMES } from './HandshakeSteps.tsx';
import type { GalleryAttempt } from './gallery-attempt.ts';

interface Props {
  setup: BrokenSetup;
  lab: LabKind | null;
  /** Builds the set-up in the lab, runs it, cleans up; `at` is the broker's clock. */
  attempt: (at: Date | undefined) => Promise<GalleryAttempt>;
}

/** One broken set-up: what is wrong, a Try it button, and what happened when it was tried. */
export default function GalleryCard({ setup, lab, attempt }: Props) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<GalleryAttempt | null>(null);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const [clock, setClock] = useState('');
  const movable = setup.clock !== undefined && lab === 'in-page';
  const at = movable && clock !== '' ? fromClockValue(clock) : null;
  const clockBad = movable && clock !== '' && !at;

  async function run() {
    setBusy(true);
    setError(null);
    try {
      setResult(await attempt(at ?? undefined));
    } catch (caught) {
      setResult(null);
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  const headingId = `hs-gallery-${setup.id}`;
  return (
    <article
      class="hs-tls-card"
      aria-labelledby={headingId}
      data-case={setup.id}
      data-mode={result?.report.mode}
    >
      <h3 id={headingId}>{setup.title}</h3>
      <p>{setup.wrong}</p>
      <p class="hs-note">
        {setup.failure
          ? `Noticed by the ${SIDE_NAMES[setup.detectedBy].toLowerCase()}.`
          : 'The baseline: every check passes.'}
      </p>
      {setup.clock && (
        <fieldset class="hs-pki-clock">
          <legend>Broker's clock</legend>
          <div class="hs-row">
            <label class="hs-field">
              <span>Time the broker checks validity at (UTC)</span>
              <input
                type="datetime-local"
                step={1}
                value={clock === '' ? toClockValue(new Date()) : clock}
                disabled={!movable}
                aria-invalid={clockBad ? 'true' : 'false'}
                onInput={(e) => setClock(e.currentTarget.value)}
              />
            </label>
            <button
              type="button"
              class="hs-button"
              disabled={!movable}
              onClick={() => setClock('')}
            >
              Now
            </button>
            {setup.id === 'not-yet-valid' && (
              <button
                type="button"
                class="hs-button"
                disabled={!movable}
                onClick={() => setClock(toClockValue(justAfterNotBefore()))}
              >
                Just after notBefore
              </button>
            )}
          </div>
          <p class="hs-note">
            {movable
              ? setup.clock
              : "The lab server's real TLS checks validity with the computer's own clock, so the clock moves only in the in-page lab."}
          </p>
          {clockBad && (
            <p class="hs-pki-field-problem" role="alert">
              The clock reads “{clock}”, which is not a full date and time. Pick one, or press Now.
            </p>
          )}
        </fieldset>
      )}
      <div class="hs-row">
        <button
          type="button"
          class="hs-button hs-button--primary"
          disabled={busy || !lab || clockBad}
          onClick={() => void run()}
        >
          {busy ? 'Trying…' : result ? 'Try it again' : 'Try it'}
        </button>
        {result && (
          <span class="hs-note hs-note--inline hs-tls-card__ran" data-mode={result.report.mode}>
            {result.report.mode === 'emulated'
              ? 'Ran emulated, in this page'
              : 'Ran for real, on the lab server'}
            {result.at && ` with the broker's clock at ${toClockValue(result.at)}Z`}
          </span>
        )}
      </div>
      <ActionError error={error} />
      {result && (
        <>
          <VerdictView report={result.report} verdict={result.verdict} />
          {result.report.failure?.code !== (setup.failure ?? undefined) && (
            <p class="hs-note hs-tls-card__differs">
              {result.report.mode === 'real'
                ? "The lab server's real TLS saw this set-up differently from the in-page model: a real server knows only what the device sends, and here that looks like the case the doctor names above."
                : 'This try ended differently from what the case describes; the verdict above says how.'}
            </p>
          )}
          {result.leftOver && <p class="hs-note">{result.leftOver}</p>}
          <details class="hs-tls-card__report">
            <summary>The handshake, message by message</summary>
            <ReportView report={result.report} verdict={result.verdict} withVerdict={false} />
          </details>
        </>
      )}
    </article>
  );
}

/**
 * Each try builds its certificate afresh, dated from that moment, so notBefore is always
 * NOT_YET_VALID_DAYS.notBefore days on; an hour more leaves time to press Try it.
 */
function justAfterNotBefore(): Date {
  return new Date(Date.now() + NOT_YET_VALID_DAYS.notBefore * 86_400_000 + 3_600_000);
}
