import { useState } from 'preact/hooks';
import {
  timeForgeRsaKeygen,
  timeKeyAndCertificate,
  type CryptoTiming,
} from './bench/crypto-timing.ts';
import { useHydrated } from './use-hydrated.ts';
import './widgets.css';

const RUNS = 20;
const FORGE_RUNS = 5;

/** How long a key pair and a signed device certificate take in this browser. */
export default function CryptoBenchmark() {
  const hydrated = useHydrated();
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<CryptoTiming[]>([]);
  const [failure, setFailure] = useState('');

  async function run() {
    setRunning(true);
    setFailure('');
    setResults([]);
    try {
      for (const step of [
        () => timeKeyAndCertificate('RSA-2048', RUNS),
        () => timeKeyAndCertificate('P-256', RUNS),
        () => timeForgeRsaKeygen(FORGE_RUNS),
      ]) {
        const result = await step();
        setResults((all) => [...all, result]);
      }
    } catch (error) {
      setFailure(`The timing stopped: ${(error as Error).message}`);
    } finally {
      setRunning(false);
    }
  }

  return (
    <div
      class="hs-widget hs-bench not-content"
      data-ready={hydrated ? 'true' : 'false'}
      role="group"
      aria-label="Key and certificate timing"
    >
      <div class="hs-row">
        <button
          type="button"
          class="hs-button hs-button--primary"
          onClick={() => void run()}
          disabled={running}
        >
          {running ? 'Timing…' : 'Time keys and certificates'}
        </button>
        <span class="hs-note">
          {RUNS} runs each for WebCrypto, {FORGE_RUNS} for node-forge (it is much slower).
        </span>
      </div>
      {failure && (
        <p class="hs-error" role="alert">
          {failure}
        </p>
      )}
      {results.length > 0 && (
        <table class="hs-bench__table" aria-label="Timing results">
          <thead>
            <tr>
              <th>What</th>
              <th>Median</th>
              <th>Runs</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.label} data-label={r.label} data-median={r.median}>
                <td>{r.label}</td>
                <td>{r.median.toFixed(0)} ms</td>
                <td>{r.runs.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
