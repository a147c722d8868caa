import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { fileURLToPath } from 'node:url';
import { webcrypto } from 'node:crypto';
import { createContext, runInContext } from 'node:vm';
import { build, type Rollup } from 'vite';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  WorkerNews,
  WorkerRequest,
} from '../../../src/browser/in-page-lab/channel-protocol.ts';
import {
  builtinName,
  inPageLabShims,
  SHIMMED_BUILTINS,
} from '../../../src/browser/in-page-lab/shims/vite-plugin.ts';
import { closed, connectThroughPort, received, type PortClient } from './port-client.ts';

/*
 * The in-page lab's worker bundles aedes, which imports Node's built-ins. These tests build
 * the worker the way the site build does, for a browser, and then run that bundle where no
 * Node global exists. An upgrade of aedes, a dependency or a shim that brings back a Node
 * need fails here, rather than only in a learner's browser.
 */

const WORKER = fileURLToPath(
  new URL('../../../src/browser/in-page-lab/worker.ts', import.meta.url),
);

interface WorkerBundle {
  code: string;
  moduleIds: string[];
  warnings: string[];
}

let bundle: WorkerBundle;

beforeAll(async () => {
  bundle = await buildWorker();
}, 60_000);

async function buildWorker(): Promise<WorkerBundle> {
  const warnings: string[] = [];
  const result = (await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [inPageLabShims()],
    build: {
      write: false,
      target: 'es2022',
      minify: false,
      rollupOptions: {
        input: WORKER,
        output: { format: 'iife' },
        onwarn: (warning) => warnings.push(warning.message),
      },
    },
  })) as Rollup.RollupOutput;
  const chunk = result.output.find((item): item is Rollup.OutputChunk => item.type === 'chunk')!;
  return { code: chunk.code, moduleIds: Object.keys(chunk.modules), warnings };
}

describe('the worker bundle, built for a browser', () => {
  it('leaves no Node built-in as an empty browser stub', () => {
    const stubs = bundle.moduleIds.filter((id) => id.includes('__vite-browser-external'));
    expect(stubs).toEqual([]);
    expect(bundle.warnings.filter((w) => /externalized|not exported/i.test(w))).toEqual([]);
  });

  it('imports and requires nothing at run time: the bundle stands alone', () => {
    expect(bundle.code).not.toMatch(/\brequire\(\s*["']/);
    expect(bundle.code).not.toMatch(/\bimport\s*(\(|["'{*])/);
    expect(bundle.moduleIds.filter((id) => id.startsWith('node:'))).toEqual([]);
  });

  it('takes each shimmed built-in from the pinned package or the shim file', () => {
    const from = (pattern: RegExp) => bundle.moduleIds.some((id) => pattern.test(id));
    expect(from(/node_modules\/events\/events\.js$/)).toBe(true);
    expect(from(/node_modules\/buffer\/index\.js$/)).toBe(true);
    expect(from(/node_modules\/readable-stream\/lib\/ours\/browser\.js$/)).toBe(true);
    expect(from(/in-page-lab\/shims\/util\.ts$/)).toBe(true);
    expect(SHIMMED_BUILTINS.map((name) => builtinName(`node:${name}/`))).toEqual(SHIMMED_BUILTINS);
  });
});

describe('the worker bundle, run without any Node global', () => {
  const workers: FakeWorker[] = [];
  const clients: PortClient[] = [];

  afterEach(async () => {
    await Promise.all(clients.map(({ client }) => client.endAsync(true)));
    clients.length = 0;
    workers.length = 0;
  });

  const connect = async (worker: FakeWorker, clientId: string) => {
    const found = await connectThroughPort(worker.request, clientId);
    clients.push(found);
    return found;
  };

  it('runs where require, module and __dirname do not exist, with the shims as its only Node', () => {
    const worker = startWorker(new IDBFactory());
    const missing = runInContext(
      '["process", "Buffer", "setImmediate", "require", "module", "__dirname"]' +
        '.filter((name) => typeof globalThis[name] === "undefined")',
      worker.context,
    );
    // The shims install process, Buffer and setImmediate; require and friends never appear.
    expect(missing).toEqual(['require', 'module', '__dirname']);
  });

  it('passes a message from one client to another through aedes', async () => {
    const worker = startWorker(new IDBFactory());
    expect(await worker.ready).toEqual({ kind: 'ready', persistent: true });
    const subscriber = await connect(worker, 'vm-sub');
    const got = received(subscriber.client);
    await subscriber.client.subscribeAsync('lab/vm/#', { qos: 1 });
    const publisher = await connect(worker, 'vm-pub');

    await publisher.client.publishAsync('lab/vm/hello', 'héllo', { qos: 1 });

    await expect
      .poll(() => got)
      .toEqual([{ topic: 'lab/vm/hello', payload: 'héllo', retain: false, qos: 1 }]);
    expect(subscriber.events.map((event) => event.type)).toEqual(['connect', 'subscribe']);
  });

  it('refuses a publish to $SYS/ with the lab rule, explained down the channel, and closes', async () => {
    const worker = startWorker(new IDBFactory());
    const device = await connect(worker, 'vm-sys');
    const closing = closed(device.client);

    device.client.publish('$SYS/x', 'no');

    await closing;
    const refusal = device.events.find((event) => event.type === 'refusal');
    expect(refusal).toMatchObject({ action: 'publish', target: '$SYS/x', transport: 'in-page' });
    expect(refusal?.type === 'refusal' && refusal.refusal.code).toBe('reserved-topic');
  });

  it('keeps a retained message in IndexedDB for the next worker, as after a reload', async () => {
    const browserStorage = new IDBFactory();
    const first = startWorker(browserStorage);
    const publisher = await connect(first, 'vm-retain');
    await publisher.client.publishAsync('lab/vm/retained', 'kept', { qos: 1, retain: true });

    const second = startWorker(browserStorage);
    const subscriber = await connect(second, 'vm-later');
    const got = received(subscriber.client);
    await subscriber.client.subscribeAsync('lab/vm/retained', { qos: 0 });

    await expect
      .poll(() => got)
      .toEqual([{ topic: 'lab/vm/retained', payload: 'kept', retain: true, qos: 0 }]);
  });

  it('keeps an idle client connected past 1.5 x keep-alive, as its PINGREQs restart the timer', async () => {
    // aedes restarts the keep-alive timer with Node's timer.refresh(), which browsers lack.
    const worker = startWorker(new IDBFactory());
    const found = await connectThroughPort(worker.request, 'vm-idle', { keepalive: 1 });
    clients.push(found);
    const closing = closed(found.client).then(() => 'closed');

    const outcome = await Promise.race([closing, sleep(2600).then(() => 'still connected')]);

    expect(outcome).toBe('still connected');
  }, 10_000);

  function startWorker(indexedDB: IDBFactory): FakeWorker {
    const worker = runWorkerBundle(bundle.code, indexedDB);
    workers.push(worker);
    return worker;
  }
});

interface FakeWorker {
  context: object;
  request: (request: WorkerRequest) => void;
  ready: Promise<WorkerNews>;
}

/**
 * Runs the bundle in a fresh V8 context whose global has what a browser's dedicated worker
 * offers (as Node provides it) and nothing that only Node has.
 */
function runWorkerBundle(code: string, indexedDB: IDBFactory): FakeWorker {
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
