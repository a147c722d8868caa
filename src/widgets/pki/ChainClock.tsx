import { useEffect, useState } from 'preact/hooks';
import { addDays, daysFrom, fromClockValue, relativeWords, toClockValue } from './chain-clock.ts';

interface Props {
  /** The time in the box (UTC), or '' for "now". */
  value: string;
  onChange: (value: string) => void;
  leafNotBefore: Date | null;
  leafNotAfter: Date | null;
}

/** A clock the learner can move, to see what a verifier says before, during and after validity. */
export default function ChainClock({ value, onChange, leafNotBefore, leafNotAfter }: Props) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => setNow(new Date()), [value]);

  const at = value === '' ? now : fromClockValue(value);
  const days = at ? daysFrom(now, at) : 0;
  const bad = value !== '' && !at;

  return (
    <fieldset class="hs-pki-clock">
      <legend>Clock</legend>
      <div class="hs-row">
        <label class="hs-field">
          <span>Verification time (UTC)</span>
          <input
            type="datetime-local"
            step={1}
            value={value === '' ? toClockValue(now) : value}
            aria-invalid={bad ? 'true' : 'false'}
            onInput={(e) => onChange(e.currentTarget.value)}
          />
        </label>
        <label class="hs-field hs-field--grow">
          <span>Move the clock: {value === '' ? 'now' : relativeWords(days)}</span>
          <input
            type="range"
            min={-730}
            max={3650}
            step={1}
            value={Math.max(-730, Math.min(3650, days))}
            onInput={(e) => onChange(toClockValue(addDays(now, Number(e.currentTarget.value))))}
          />
        </label>
      </div>
      <div class="hs-row">
        <button type="button" class="hs-button" onClick={() => onChange('')}>
          Now
        </button>
        <button
          type="button"
          class="hs-button"
          disabled={!leafNotBefore}
          onClick={() => leafNotBefore && onChange(toClockValue(addDays(leafNotBefore, -1)))}
        >
          A day before notBefore
        </button>
        <button
          type="button"
          class="hs-button"
          disabled={!leafNotAfter}
          onClick={() => leafNotAfter && onChange(toClockValue(addDays(leafNotAfter, 1)))}
        >
          A day after notAfter
        </button>
      </div>
      {bad && (
        <p class="hs-pki-field-problem" role="alert">
          The clock reads “{value}”, which is not a full date and time. Pick a date and time, or
          press Now.
        </p>
      )}
    </fieldset>
  );
}
