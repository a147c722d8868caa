import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqttPacket, { type Packet } from 'mqtt-packet';
import type { LabEvent } from '../../../src/core/lab/lab-event.ts';
import { startLabServer, type RunningLabServer } from '../../../src/sandbox/lab-server.ts';
import { createLogger } from '../../../src/sandbox/log.ts';

export const HOST = '127.0.0.1';

/** The pages of the throw-away site, and a file beside it that must never be served. */
export const SITE = {
  index: '<!doctype html><title>Handshake</title><h1>Welcome</h1>\n',
  notFound: '<!doctype html><title>Not found</title><h1>No such lesson</h1>\n',
  outside: '{ "name": "outside-the-site" }\n',
};

type EventOf<T extends LabEvent['type']> = Extract<LabEvent, { type: T }>;

/** A lab server started in-process on free ports, with its events and log lines recorded. */
export interface Lab {
  server: RunningLabServer;
  events: LabEvent[];
  /** Every log line without its time stamp, e.g. `lab:mqtt connect client=a via=tcp …`. */
  logged(): string[];
  /** The first event of `type` for `clientId`, waiting up to `timeoutMs` for it to happen. */
  event<T extends LabEvent['type']>(
    type: T,
    clientId: string,
    timeoutMs?: number,
  ): Promise<EventOf<T>>;
  stop(): Promise<void>;
}

export interface LabOptions {
  /** Runs MQTT over mutual TLS on a free port too, logging as `lab:tls`. Default: false. */
  mtls?: boolean;
  /** Keeps the registry (and the server certificate) in a data folder. Default: in memory. */
  dataDir?: string;
}

export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const root = await mkdtemp(join(tmpdir(), 'handshake-lab-'));
  const siteDir = join(root, 'site');
  await mkdir(siteDir);
  await writeFile(join(siteDir, 'index.html'), SITE.index);
  await writeFile(join(siteDir, '404.html'), SITE.notFound);
  await writeFile(join(root, 'package.json'), SITE.outside);

  const lines: string[] = [];
  const sink = (line: string) => lines.push(line);
  const log = {
    http: createLogger('lab:http', 'info', sink),
    mqtt: createLogger('lab:mqtt', 'info', sink),
    tls: createLogger('lab:tls', 'info', sink),
  };
  const server = await startLabServer({
    host: HOST,
    port: 0,
    mqttPort: 0,
    ...(options.mtls ? { mtlsPort: 0 } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    siteDir,
    version: 'test',
    log,
  });
  const events: LabEvent[] = [];
  server.broker.events.on('event', (event) => events.push(event));

  const event = <T extends LabEvent['type']>(type: T, clientId: string, timeoutMs = 2000) => {
    const matches = (e: LabEvent): e is EventOf<T> => e.type === type && e.clientId === clientId;
    const seen = events.find(matches);
    if (seen) return Promise.resolve(seen);

    return new Promise<EventOf<T>>((resolve, reject) => {
      const timer = setTimeout(() => {
        server.broker.events.off('event', listen);
        reject(new Error(`no ${type} event for ${clientId} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listen = (e: LabEvent) => {
        if (!matches(e)) return;
        clearTimeout(timer);
        server.broker.events.off('event', listen);
        resolve(e);
      };
      server.broker.events.on('event', listen);
    });
  };

  return {
    server,
    events,
    logged: () => lines.map((line) => line.replace(/^\d\d:\d\d:\d\d /, '')),
    event,
    async stop() {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A GET sent exactly as written: fetch would resolve `..` and `%2e%2e` before sending. */
export function rawGet(port: number, path: string) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    get({ host: HOST, port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body });
      });
    }).on('error', reject);
  });
}

/**
 * MQTT 3.1.1 spoken byte by byte over a plain socket, for packets mqtt.js refuses to send.
 * `next()` answers the next packet from the broker, or 'closed' once the broker hangs up.
 */
export function rawMqtt(port: number) {
  const socket = connectTcp(port, HOST);
  const parser = mqttPacket.parser({ protocolVersion: 4 });
  const arrived: (Packet | 'closed')[] = [];
  let wake = () => {};

  const push = (item: Packet | 'closed') => {
    arrived.push(item);
    wake();
  };
  socket.on('data', (chunk) => parser.parse(chunk));
  socket.on('error', () => {}); // a reset is reported by the 'close' that follows
  socket.on('close', () => push('closed'));
  parser.on('packet', push);

  const next = (timeoutMs = 2000) =>
    new Promise<Packet | 'closed'>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no packet from the broker')), timeoutMs);
      const take = () => {
        const item = arrived.shift();
        if (item === undefined) return;
        clearTimeout(timer);
        wake = () => {};
        resolve(item);
      };
      wake = take;
      take();
    });

  return {
    send: (packet: Packet) => socket.write(mqttPacket.generate(packet)),
    next,
    close: () => socket.destroy(),
  };
}

/** Reads `/api/events` as a page would, keeping each `data:` line as parsed JSON. */
export async function openEventStream(url: string) {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const received: LabEvent[] = [];
  let text = '';

  const pump = async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      text += value;
      const blocks = text.split('\n\n');
      text = blocks.pop() ?? '';
      for (const block of blocks) {
        if (block.startsWith('data: ')) received.push(JSON.parse(block.slice(6)) as LabEvent);
      }
    }
  };
  // Held until close(), so that a stream the server cut short fails the test that reads it.
  let failure: Error | undefined;
  const pumping = pump().catch((error: Error) => {
    if (error.name !== 'AbortError') failure = error;
  });

  return {
    res,
    received,
    async close() {
      abort.abort();
      await pumping;
      if (failure) throw failure;
    },
  };
}
