import {
  CONNECTION_LAYERS,
  LAYER_TITLES,
  type HandshakeReport,
} from '../../core/tls/handshake-report.ts';
import type { Verdict } from '../../core/tls/connection-doctor.ts';
import { SIDE_NAMES } from './HandshakeSteps.tsx';

interface Props {
  report: HandshakeReport;
  verdict: Verdict | null;
}

type LayerState = 'passed' | 'failed' | 'not-reached' | 'not-tried';

const STATE_MARKS: Record<LayerState, string> = {
  passed: '✔',
  failed: '✘',
  'not-reached': '–',
  'not-tried': '…',
};

const STATE_WORDS: Record<LayerState, string> = {
  passed: 'passed',
  failed: 'stopped here',
  'not-reached': 'not reached',
  'not-tried': 'not part of this attempt',
};

const MQTT_LAYER = CONNECTION_LAYERS.indexOf('mqtt');

// A connected attempt stops after the registry lookup: the MQTT session is the next lesson's.
function layerState(index: number, stoppedAt: number): LayerState {
  if (stoppedAt < 0) return index === MQTT_LAYER ? 'not-tried' : 'passed';
  if (index < stoppedAt) return 'passed';
  return index === stoppedAt ? 'failed' : 'not-reached';
}

/**
 * How far an attempt got, layer by layer from the wire up, and for a failure the alert that
 * ended it (RFC 8446 §6.2) and the connection doctor's verdict: what, why, and what to do.
 */
export default function VerdictView({ report, verdict }: Props) {
  const stoppedAt = verdict ? CONNECTION_LAYERS.indexOf(verdict.layer) : -1;
  return (
    <div
      class={`hs-tls-verdict hs-tls-verdict--${report.outcome}`}
      data-outcome={report.outcome}
      data-layer={verdict?.layer ?? 'connected'}
    >
      <ol class="hs-tls-layers" aria-label="Layers reached">
        {CONNECTION_LAYERS.map((layer, index) => {
          const state = layerState(index, stoppedAt);
          return (
            <li key={layer} class={`hs-tls-layer hs-tls-layer--${state}`} data-state={state}>
              <span aria-hidden="true">{STATE_MARKS[state]}</span> {LAYER_TITLES[layer]}
              <span class="sr-only">: {STATE_WORDS[state]}</span>
            </li>
          );
        })}
      </ol>
      {verdict ? (
        <div class="hs-problems hs-tls-doctor" role="alert">
          <p class="hs-tls-doctor__layer">
            Stopped at: <strong>{verdict.layerTitle}</strong>
          </p>
          <p class="hs-tls-doctor__title">
            <strong>{verdict.title}</strong>
          </p>
          {report.alert && (
            <p class="hs-tls-doctor__alert">
              The {SIDE_NAMES[report.alert.by].toLowerCase()} sent the TLS alert{' '}
              <code>{report.alert.name}</code>
              {report.alert.code !== null && <> (code {report.alert.code})</>}, RFC 8446 §6.2.
            </p>
          )}
          <p>{verdict.explanation}</p>
          {report.failure && report.failure.message !== verdict.explanation && (
            <p class="hs-tls-doctor__found">
              <span class="hs-note hs-note--inline">What was found:</span> {report.failure.message}
            </p>
          )}
          <p class="hs-tls-doctor__fix">
            <strong>What to do:</strong> {verdict.fix}
          </p>
        </div>
      ) : (
        <p class="hs-json-verdict hs-json-verdict--valid" role="status">
          ✔ Connected: the broker accepted the device, and the MQTT session can begin.
        </p>
      )}
    </div>
  );
}
