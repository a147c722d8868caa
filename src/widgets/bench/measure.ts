import type { Connection, QoS } from '../../browser/connection/connection.ts';

export interface BenchSettings {
  qos: QoS;
  /** Payload size in bytes. */
  payloadBytes: number;
  messages: number;
}

export interface BenchRun {
  messagesPerSecond: number;
  milliseconds: number;
  received: number;
}

const TIMEOUT_MS = 60_000;

/**
 * One run: a subscriber and a publisher on the same broker; the clock runs from the first
 * PUBLISH to the last message received, so it measures the whole path through the broker.
 */
export async function measureThroughput(
  connection: Connection,
  settings: BenchSettings,
): Promise<BenchRun> {
  const id = Math.random().toString(36).slice(2, 10);
  const topic = `bench/${id}/data`;
  const payload = 'x'.repeat(settings.payloadBytes);
  const subscriber = await connection.connect({ clientId: `bench-sub-${id}` });
  const publisher = await connection.connect({ clientId: `bench-pub-${id}` });

  try {
    await subscriber.subscribe(topic, settings.qos);
    let received = 0;
    let started = 0;
    const done = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `Only ${received} of ${settings.messages} messages arrived within ${TIMEOUT_MS / 1000} s.`,
            ),
          ),
        TIMEOUT_MS,
      );
      subscriber.on('message', () => {
        received += 1;
        if (received === settings.messages) {
          clearTimeout(timer);
          resolve(performance.now());
        }
      });
    });

    started = performance.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < settings.messages; i += 1) {
      sends.push(publisher.publish(topic, payload, { qos: settings.qos, retain: false }));
    }
    const [finished] = await Promise.all([done, Promise.all(sends)]);
    const milliseconds = finished - started;
    return {
      milliseconds,
      received,
      messagesPerSecond: Math.round((settings.messages / milliseconds) * 1000),
    };
  } finally {
    await Promise.allSettled([subscriber.end(), publisher.end()]);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]!
    : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}
