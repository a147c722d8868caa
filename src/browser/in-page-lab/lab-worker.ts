import type { LabEvent } from '../../core/lab/lab-event.ts';
import type { HandshakeReport } from '../../core/tls/handshake-report.ts';
import type { DeviceTls } from '../../core/tls/lab-handshake.ts';
import type { WorkerNews, WorkerReply, WorkerRequest } from './channel-protocol.ts';

/** The page's handle on the in-page lab's worker. */
export interface InPageLab {
  /** Whether the lab keeps its registry and retained messages in this browser (IndexedDB). */
  persistent: boolean;
  /**
   * A new connection to the broker: the page's end of its channel. With `tls`, the worker runs
   * the modelled handshake first and sends its outcome down the channel before any MQTT byte.
   */
  openChannel(tls?: DeviceTls, at?: Date): MessagePort;
  /** The modelled handshake alone; rejects only when none could be run (e.g. an unreadable key). */
  probeTls(tls: DeviceTls, at?: Date): Promise<HandshakeReport>;
  /** Hears every lab event, for logs and teacher views; returns the function that stops it. */
  onEvent(listener: (event: LabEvent) => void): () => void;
}

let started: Promise<InPageLab> | null = null;

/**
 * The page's one in-page lab, shared by every widget. The worker (and aedes in it) is only
 * fetched when the first widget connects.
 */
export function inPageLab(): Promise<InPageLab> {
  started ??= startWorker().catch((error: unknown) => {
    // A later connect tries again, e.g. after the learner frees storage or goes back online.
    started = null;
    throw error;
  });
  return started;
}

function startWorker(): Promise<InPageLab> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'handshake-in-page-lab',
  });
  const listeners = new Set<(event: LabEvent) => void>();
  const lab = (persistent: boolean): InPageLab => ({
    persistent,
    openChannel(tls, at) {
      const { port1, port2 } = new MessageChannel();
      const request: WorkerRequest = { kind: 'connect', port: port2 };
      if (tls) request.tls = tls;
      if (at) request.at = at.toISOString();
      worker.postMessage(request, [port2]);
      return port1;
    },
    probeTls(tls, at) {
      const { port1, port2 } = new MessageChannel();
      const request: WorkerRequest = { kind: 'tls-probe', reply: port2, tls };
      if (at) request.at = at.toISOString();
      return new Promise((resolve, reject) => {
        port1.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
          port1.close();
          if (data.kind === 'report') return resolve(data.report);
          reject(Object.assign(new Error(data.message), { name: data.name, code: data.code }));
        };
        worker.postMessage(request, [port2]);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });

  return new Promise((resolve, reject) => {
    let ready = false;
    const fail = (message: string) => {
      worker.terminate();
      reject(new Error(message));
    };
    worker.addEventListener('error', (event) => {
      // Once running, an error in one connection's handling is not the end of the lab.
      if (ready) return console.error(`lab:in-page ${event.message}`);
      fail(`The in-page lab did not start: ${event.message || 'its script could not be loaded'}.`);
    });
    worker.addEventListener('message', ({ data }: MessageEvent<WorkerNews>) => {
      switch (data.kind) {
        case 'ready':
          ready = true;
          return resolve(lab(data.persistent));
        case 'failed':
          return fail(`The in-page lab did not start: ${data.message}`);
        case 'event':
          return listeners.forEach((listener) => listener(data.event));
        case 'warning':
          return console.warn(`lab:in-page ${data.message}`);
      }
    });
  });
}
