import { IDBFactory } from 'fake-indexeddb';
import { runInContext } from 'node:vm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  builtinName,
  SHIMMED_BUILTINS,
} from '../../../src/browser/in-page-lab/shims/vite-plugin.ts';
import { closed, connectThroughPort, received, type PortClient } from './port-client.ts';
import { bundleWithEsbuild, bundleWithVite, type WorkerBundle } from './worker-bundles.ts';
import { runWorkerBundle, type SandboxedWorker } from './worker-sandbox.ts';

/*
 * The in-page lab's worker bundles aedes, which imports Node's built-ins. These tests bundle
 * the worker for a browser, the way `astro build` and `astro dev` do, and then run each bundle
 * where no Node global exists. An upgrade of aedes, a dependency or a shim that brings back a
 * Node need fails here, rather than in a learner's browser.
 */

const BUNDLERS = [
  ['Vite, as astro build bundles it', bundleWithVite],
  ['esbuild, as astro dev pre-bundles it', bundleWithEsbuild],
] as const;

it('names each shimmed built-in the same with or without node: and a trailing slash', () => {
  for (const name of SHIMMED_BUILTINS) {
    expect([name, `node:${name}`, `${name}/`].map(builtinName)).toEqual([name, name, name]);
  }
  expect(builtinName('node:fs')).toBeNull();
});

describe.each(BUNDLERS)('the worker bundled by %s', (_name, bundle) => {
  let worker: WorkerBundle;
  const clients: PortClient[] = [];

  beforeAll(async () => {
    worker = await bundle();
  }, 60_000);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map(({ client }) => client.endAsync(true)));
  });

  const start = (indexedDB = new IDBFactory()) => runWorkerBundle(worker.code, indexedDB);
  const connect = async (running: SandboxedWorker, clientId: string, keepalive = 60) => {
    const found = await connectThroughPort(running.request, clientId, { keepalive });
    clients.push(found);
    return found;
  };

  it('leaves no Node built-in as an empty stub and imports nothing at run time', () => {
    expect(worker.modules.filter((id) => /__vite-browser-external|^node:/.test(id))).toEqual([]);
    expect(worker.warnings.filter((w) => /externalized|not exported|resolve/i.test(w))).toEqual([]);
    expect(worker.code).not.toMatch(/\brequire\(\s*["'](node:)?[\w/-]+["']\s*\)/);
    expect(worker.code).not.toMatch(/^\s*import\s*(\(|["'{*])/m);
  });

  it('takes each shimmed built-in from the pinned package or the shim file', () => {
    const from = (pattern: RegExp) => worker.modules.some((id) => pattern.test(id));
    expect(from(/node_modules\/events\/events\.js$/)).toBe(true);
    expect(from(/node_modules\/buffer\/index\.js$/)).toBe(true);
    expect(from(/node_modules\/readable-stream\/lib\/ours\/browser\.js$/)).toBe(true);
    expect(from(/in-page-lab\/shims\/util\.ts$/)).toBe(true);
  });

  it('runs where require, module and __dirname do not exist, with the shims as its only Node', () => {
    const running = start();
    const missing = runInContext(
      '["process", "Buffer", "setImmediate", "require", "module", "__dirname"]' +
        '.filter((name) => typeof globalThis[name] === "undefined")',
      running.context,
    );
    // The shims install process, Buffer and setImmediate; require and friends never appear.
    expect(missing).toEqual(['require', 'module', '__dirname']);
  });

  it('passes a message from one client to another through aedes', async () => {
    const running = start();
    expect(await running.ready).toEqual({ kind: 'ready', persistent: true });
    const subscriber = await connect(running, 'vm-sub');
    const got = received(subscriber.client);
    await subscriber.client.subscribeAsync('lab/vm/#', { qos: 1 });
    const publisher = await connect(running, 'vm-pub');

    await publisher.client.publishAsync('lab/vm/hello', 'héllo', { qos: 1 });

    await expect
      .poll(() => got)
      .toEqual([{ topic: 'lab/vm/hello', payload: 'héllo', retain: false, qos: 1 }]);
    expect(subscriber.events.map((event) => event.type)).toEqual(['connect', 'subscribe']);
  });

  it('refuses a publish to $SYS/ with the lab rule, explained down the channel, and closes', async () => {
    const device = await connect(start(), 'vm-sys');
    const closing = closed(device.client);

    device.client.publish('$SYS/x', 'no');

    await closing;
    const refusal = device.events.find((event) => event.type === 'refusal');
    expect(refusal).toMatchObject({ action: 'publish', target: '$SYS/x', transport: 'in-page' });
    expect(refusal?.type === 'refusal' && refusal.refusal.code).toBe('reserved-topic');
  });

  it('keeps a retained message in IndexedDB for the next worker, as after a reload', async () => {
    const browserStorage = new IDBFactory();
    const publisher = await connect(start(browserStorage), 'vm-retain');
    await publisher.client.publishAsync('lab/vm/retained', 'kept', { qos: 1, retain: true });

    const subscriber = await connect(start(browserStorage), 'vm-later');
    const got = received(subscriber.client);
    await subscriber.client.subscribeAsync('lab/vm/retained', { qos: 0 });

    await expect
      .poll(() => got)
      .toEqual([{ topic: 'lab/vm/retained', payload: 'kept', retain: true, qos: 0 }]);
  });

  it('keeps an idle client connected past 1.5 x keep-alive, as its PINGREQs restart the timer', async () => {
    // aedes restarts the keep-alive timer with Node's timer.refresh(), which browsers lack.
    const idle = await connect(start(), 'vm-idle', 1);
    const closing = closed(idle.client).then(() => 'closed');

    const outcome = await Promise.race([closing, sleep(2600).then(() => 'still connected')]);

    expect(outcome).toBe('still connected');
  }, 10_000);
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
