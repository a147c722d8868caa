import { connect, createServer, type Server } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLabServer } from '../../../src/sandbox/lab-server.ts';
import { ListenError, listenOn } from '../../../src/sandbox/listen.ts';
import { createLogger } from '../../../src/sandbox/log.ts';

const HOST = '127.0.0.1';
const MQTT_TCP = { label: 'MQTT over TCP', flag: '--mqtt-port', env: 'HANDSHAKE_MQTT_PORT' };

const opened: Server[] = [];

/** A plain TCP server of this test's own, listening on `port` (0: any free port). */
function occupy(port = 0): Promise<{ server: Server; port: number }> {
  const server = createServer();
  opened.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      resolve({ server, port: (server.address() as { port: number }).port });
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
}

/** A port that was free a moment ago; the window before it is reused is small enough here. */
async function freePort(): Promise<number> {
  const { server, port } = await occupy();
  await close(server);
  return port;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: Error) => error,
  );
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map(close));
});

describe('listenOn', () => {
  it('resolves with the port the system chose when asked for port 0', async () => {
    const server = createServer();
    opened.push(server);

    const port = await listenOn(server, 0, HOST, MQTT_TCP);

    expect(port).toBe((server.address() as { port: number }).port);
    expect(port).toBeGreaterThan(0);
    expect(server.listenerCount('error')).toBe(0);
  });

  it('names the busy port, its use, and the flag and variable to change, in one line', async () => {
    const { port } = await occupy();
    const second = createServer();
    opened.push(second);

    const error = await rejection(listenOn(second, port, HOST, MQTT_TCP));

    expect(error).toBeInstanceOf(ListenError);
    expect(error.name).toBe('ListenError');
    expect(error.message).toBe(
      `Port ${port} (MQTT over TCP) is already in use on 127.0.0.1: stop the program using it, ` +
        'or choose another with --mqtt-port <port> or HANDSHAKE_MQTT_PORT=<port>.',
    );
    expect(error.message).not.toContain('\n');
    expect(second.listenerCount('listening')).toBe(0);
  });

  it('says to check --host when the address is not on this machine', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never a local address, and nothing is sent to it.
    const error = await rejection(listenOn(createServer(), 0, '192.0.2.1', MQTT_TCP));

    expect(error).toBeInstanceOf(ListenError);
    expect(error.message).toBe(
      'Address 192.0.2.1 is not on this machine, so MQTT over TCP cannot listen there: ' +
        'check --host.',
    );
  });

  it.skipIf(process.getuid?.() === 0)(
    'suggests a port of 1024 or above when a low port needs privileges (skipped as root)',
    async () => {
      const error = await rejection(listenOn(createServer(), 80, HOST, MQTT_TCP));

      expect(error.message).toBe(
        'Port 80 (MQTT over TCP) needs more privileges on 127.0.0.1: choose another with ' +
          '--mqtt-port <port> or HANDSHAKE_MQTT_PORT=<port> (1024 or above).',
      );
    },
  );
});

describe('startLabServer on a busy port', () => {
  let siteDir: string;
  const log = {
    http: createLogger('lab:http', 'silent', () => {}),
    mqtt: createLogger('lab:mqtt', 'silent', () => {}),
  };

  beforeAll(async () => {
    siteDir = await mkdtemp(join(tmpdir(), 'handshake-listen-'));
  });
  afterAll(async () => {
    await rm(siteDir, { recursive: true, force: true });
  });

  it('names --mqtt-port when the MQTT port is taken, and starts nothing', async () => {
    const { port: busy } = await occupy();
    const httpPort = await freePort();

    const error = await rejection(
      startLabServer({ host: HOST, port: httpPort, mqttPort: busy, siteDir, version: 't', log }),
    );

    expect(error).toBeInstanceOf(ListenError);
    expect(error.message).toBe(
      `Port ${busy} (MQTT over TCP) is already in use on 127.0.0.1: stop the program using it, ` +
        'or choose another with --mqtt-port <port> or HANDSHAKE_MQTT_PORT=<port>.',
    );
    expect((await occupy(httpPort)).port).toBe(httpPort);
  });

  it('names --port when the HTTP port is taken, and frees the MQTT port it opened', async () => {
    const { port: busy } = await occupy();
    const mqttPort = await freePort();

    const error = await rejection(
      startLabServer({ host: HOST, port: busy, mqttPort, siteDir, version: 't', log }),
    );

    expect(error.message).toBe(
      `Port ${busy} (the course and MQTT over WebSocket) is already in use on 127.0.0.1: stop ` +
        'the program using it, or choose another with --port <port> or HANDSHAKE_PORT=<port>.',
    );
    expect((await occupy(mqttPort)).port).toBe(mqttPort);
  });

  it('names --mtls-port when the MQTT over TLS port is taken, and frees the ports it opened', async () => {
    const { port: busy } = await occupy();
    const [httpPort, mqttPort] = [await freePort(), await freePort()];

    const error = await rejection(
      startLabServer({
        host: HOST,
        port: httpPort,
        mqttPort,
        mtlsPort: busy,
        siteDir,
        version: 't',
        log,
      }),
    );

    expect(error.message).toBe(
      `Port ${busy} (MQTT over mutual TLS) is already in use on 127.0.0.1: stop the program ` +
        'using it, or choose another with --mtls-port <port> or HANDSHAKE_MTLS_PORT=<port>.',
    );
    expect((await occupy(mqttPort)).port).toBe(mqttPort);
    expect((await occupy(httpPort)).port).toBe(httpPort);
  });

  it('frees the mutual TLS port once stopped, ending the connections on it', async () => {
    const lab = await startLabServer({
      host: HOST,
      port: 0,
      mqttPort: 0,
      mtlsPort: 0,
      siteDir,
      version: 't',
      log,
    });
    const raw = connect(lab.mtlsPort!, HOST);
    await new Promise((resolve) => raw.once('connect', resolve));
    const closed = new Promise((resolve) => raw.once('close', resolve));

    await lab.stop();

    await closed;
    expect((await occupy(lab.mtlsPort!)).port).toBe(lab.mtlsPort);
  });

  it('frees both ports once stopped', async () => {
    const lab = await startLabServer({
      host: HOST,
      port: 0,
      mqttPort: 0,
      siteDir,
      version: 't',
      log,
    });

    await lab.stop();

    expect((await occupy(lab.port)).port).toBe(lab.port);
    expect((await occupy(lab.mqttPort)).port).toBe(lab.mqttPort);
  });
});
