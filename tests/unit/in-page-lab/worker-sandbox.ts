import { IDBKeyRange } from 'fake-indexeddb';
import { webcrypto } from 'node:crypto';
import { createContext, runInContext } from 'node:vm';
import type {
  WorkerNews,
  WorkerRequest,
} from '../../../src/browser/in-page-lab/channel-protocol.ts';

/** A bundle of the worker running in a context of its own. */
export interface SandboxedWorker {
  context: object;
  /** Sends the worker a request, as the page's `worker.postMessage` does. */
  request: (request: WorkerRequest) => void;
  /** The worker's first word: ready, or failed. */
  ready: Promise<WorkerNews>;
}

/**
 * Runs the bundle in a fresh V8 context whose global has what a browser's dedicated worker
 * offers (as Node provides it) and nothing that only Node has.
 */
export function runWorkerBundle(code: string, indexedDB: IDBFactory): SandboxedWorker {
  const listeners: Array<(event: { data: WorkerRequest }) => void> = [];
  let announce: (news: WorkerNews) => void = () => {};
  const ready = new Promise<WorkerNews>((resolve) => (announce = resolve));

  const context = createContext({
    console,
    queueMicrotask,
    ...browserTimers(),
    MessageChannel,
    TextEncoder,
    TextDecoder,
    atob,
    btoa,
    URL,
    AbortController,
    AbortSignal,
    EventTarget,
    Event,
    crypto: webcrypto,
    // Every dedicated worker has a WorkerNavigator; node-forge reads it as it loads.
    navigator: { userAgent: 'Handshake worker sandbox', hardwareConcurrency: 1 },
    performance,
    indexedDB,
    IDBKeyRange,
    postMessage: (news: WorkerNews) => {
      if (news.kind === 'ready' || news.kind === 'failed') announce(news);
    },
    addEventListener: (type: string, listener: (event: { data: WorkerRequest }) => void) => {
      if (type === 'message') listeners.push(listener);
    },
  });
  runInContext('globalThis.self = globalThis;', context);
  runInContext(code, context, { filename: 'in-page-lab-worker.js' });

  return {
    context,
    request: (request) => listeners.forEach((listener) => listener({ data: request })),
    ready,
  };
}

/**
 * Timers as a browser has them: plain numbers, with no refresh() or unref(). They are
 * unref'd underneath so that the broker's heartbeat never keeps the test process alive.
 */
function browserTimers() {
  const timers = new Map<number, NodeJS.Timeout>();
  let nextId = 1;
  const start = (repeat: boolean, callback: () => void, delay = 0) => {
    const id = nextId++;
    const run = () => {
      if (!repeat) timers.delete(id);
      callback();
    };
    timers.set(id, (repeat ? setInterval(run, delay) : setTimeout(run, delay)).unref());
    return id;
  };
  const clear = (id: number) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
  };
  return {
    setTimeout: (callback: () => void, delay?: number) => start(false, callback, delay),
    setInterval: (callback: () => void, delay?: number) => start(true, callback, delay),
    clearTimeout: clear,
    clearInterval: clear,
  };
}
