import { useState } from 'preact/hooks';
import { connectionFor } from '../browser/connection/broker-choice.ts';
import type { QoS } from '../browser/connection/connection.ts';
import BrokerBar from './broker/BrokerBar.tsx';
import { useBrokerChoice } from './broker/use-broker.ts';
import { measureThroughput, median, type BenchRun } from './bench/measure.ts';
import { useHydrated } from './use-hydrated.ts';
import './widgets.css';

interface Result {
  broker: string;
  qos: QoS;
  payloadBytes: number;
  messages: number;
  runs: BenchRun[];
  median: number;
}

/** Messages per second between two clients through the broker picked for this page. */
export default function BrokerBenchmark() {
  const hydrated = useHydrated();
  const choice = useBrokerChoice();
  const [qos, setQos] = useState<QoS>(0);
  const [payloadBytes, setPayloadBytes] = useState(200);
  const [messages, setMessages] = useState(2000);
  const [runs, setRuns] = useState(5);
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<Result[]>([]);
  const [failure, setFailure] = useState('');

  async function run() {
    if (!choice) return;
    setRunning(true);
    setFailure('');
    const connection = connectionFor(choice.current);
    const done: BenchRun[] = [];
    try {
      for (let i = 0; i < runs; i += 1) {
        done.push(await measureThroughput(connection, { qos, payloadBytes, messages }));
      }
      const result: Result = {
        broker: choice.current.label,
        qos,
        payloadBytes,
        messages,
        runs: done,
        median: median(done.map((r) => r.messagesPerSecond)),
      };
      setResults((all) => [...all, result]);
    } catch (error) {
      setFailure(`The benchmark stopped: ${(error as Error).message}`);
    } finally {
      setRunning(false);
    }
  }

  return (
    <div class="hs-widget hs-bench not-content" data-ready={hydrated && choice ? 'true' : 'false'}>
      <BrokerBar choice={choice} busy={running} />
      <form
        class="hs-row"
        aria-label="Benchmark settings"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label class="hs-field">
          <span>QoS</span>
          <select value={qos} onChange={(e) => setQos(Number(e.currentTarget.value) as QoS)}>
            <option value="0">0</option>
            <option value="1">1</option>
          </select>
        </label>
        <NumberField
          label="Payload bytes"
          value={payloadBytes}
          min={0}
          max={131072}
          onChange={setPayloadBytes}
        />
        <NumberField
          label="Messages per run"
          value={messages}
          min={1}
          max={100000}
          onChange={setMessages}
        />
        <NumberField label="Runs" value={runs} min={1} max={20} onChange={setRuns} />
        <button type="submit" class="hs-button hs-button--primary" disabled={running || !choice}>
          {running ? 'Measuring…' : 'Run benchmark'}
        </button>
      </form>
      {failure && (
        <p class="hs-error" role="alert">
          {failure}
        </p>
      )}
      {results.length > 0 && (
        <table class="hs-bench__table" aria-label="Benchmark results">
          <thead>
            <tr>
              <th>Broker</th>
              <th>QoS</th>
              <th>Payload</th>
              <th>Median msg/s</th>
              <th>Runs (msg/s)</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r, i) => (
              <tr key={i} data-broker={r.broker} data-qos={r.qos} data-median={r.median}>
                <td>{r.broker}</td>
                <td>{r.qos}</td>
                <td>{r.payloadBytes} B</td>
                <td>{r.median.toLocaleString('en')}</td>
                <td>{r.runs.map((x) => x.messagesPerSecond.toLocaleString('en')).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (n: number) => void;
}) {
  return (
    <label class="hs-field">
      <span>{props.label}</span>
      <input
        type="number"
        value={props.value}
        min={props.min}
        max={props.max}
        onInput={(e) => {
          const n = Number(e.currentTarget.value);
          if (Number.isFinite(n) && n >= props.min && n <= props.max) props.onChange(Math.round(n));
        }}
      />
    </label>
  );
}
