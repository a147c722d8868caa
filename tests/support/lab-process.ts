import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** A lab server started with `handshake start` on free ports, for one test file. */
export interface LabProcess {
  url: string;
  mqttPort: number;
  /** MQTT over mutual TLS. */
  mtlsPort: number;
  /** The lab's data folder: registry.json, ca/lab-root-ca.pem, tls/server.crt. */
  dataDir: string;
  /** Everything the server printed so far. */
  output(): string;
  /** Resolves when a line matching `pattern` has been printed. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

export async function startLabProcess(): Promise<LabProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'handshake-lab-'));
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin/handshake.mjs'),
      'start',
      '--port',
      '0',
      '--mqtt-port',
      '0',
      '--mtls-port',
      '0',
      '--data-dir',
      dataDir,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    waiters.forEach((wake) => wake());
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);

  const waitForLine = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolvePromise, reject) => {
      const check = () => {
        const found = output.split('\n').find((line) => pattern.test(line));
        if (found === undefined) return false;
        cleanup();
        resolvePromise(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`No line matching ${pattern} within ${timeoutMs} ms. Output:\n${output}`));
      }, timeoutMs);
      const onExit = () => {
        cleanup();
        reject(new Error(`The lab server exited (${child.exitCode}). Output:\n${output}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(wake);
        child.off('exit', onExit);
      };
      const wake = () => void check();
      if (check()) return;
      waiters.add(wake);
      child.on('exit', onExit);
    });

  const course = await waitForLine(/Course:\s+http:\/\//);
  const tcp = await waitForLine(/MQTT over TCP:\s+/);
  const mtls = await waitForLine(/MQTT over mutual TLS:\s+/);
  const url = course.match(/http:\/\/\S+/)![0];
  const mqttPort = Number(tcp.match(/:(\d+)\s/)![1]);
  const mtlsPort = Number(mtls.match(/:(\d+)\s/)![1]);

  return {
    url,
    mqttPort,
    mtlsPort,
    dataDir,
    output: () => output,
    waitForLine,
    stop: () => stopChild(child).finally(() => rmSync(dataDir, { recursive: true, force: true })),
  };
}

// Ctrl-C is how a person stops it, so the tests stop it the same way, by its own process ID.
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolvePromise();
    });
    child.kill('SIGINT');
  });
}
