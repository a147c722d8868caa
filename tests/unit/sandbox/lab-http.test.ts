import mqtt from 'mqtt';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST, SITE, openEventStream, rawGet, startLab, type Lab } from './lab-harness.ts';

let lab: Lab;
let base: string;

beforeAll(async () => {
  lab = await startLab();
  base = `http://${HOST}:${lab.server.port}`;
});
afterAll(async () => {
  await lab?.stop();
});

async function connectAndLeave(clientId: string) {
  const url = `mqtt://${HOST}:${lab.server.mqttPort}`;
  const client = await mqtt.connectAsync(url, { clientId, protocolVersion: 4, reconnectPeriod: 0 });
  return () => client.endAsync();
}

describe('/api', () => {
  it('GET /api/lab tells a page which lab server it is and where MQTT listens', async () => {
    const res = await fetch(`${base}/api/lab`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      kind: 'handshake-lab-server',
      version: 'test',
      mqtt: { websocketPath: '/mqtt', tcpPort: lab.server.mqttPort, host: HOST },
    });
  });

  it('answers an unknown /api path with a 404 that lists the real ones', async () => {
    const res = await fetch(`${base}/api/nope?x=1`);

    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: 'No API at /api/nope. Try /api/lab or /api/events.',
    });
  });

  it('GET /api/events?clientId=X streams only the events of client X', async () => {
    const stream = await openEventStream(`${base}/api/events?clientId=sse-x`);
    expect(stream.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');

    const leaveY = await connectAndLeave('sse-y');
    const leaveX = await connectAndLeave('sse-x');
    await leaveY();
    await leaveX();
    // Events are written in order, so once X's disconnect is here, Y's would have been too.
    await expect.poll(() => stream.received.some((e) => e.type === 'disconnect')).toBe(true);
    await stream.close();

    expect(stream.received.map((e) => [e.type, e.clientId, e.transport])).toEqual([
      ['connect', 'sse-x', 'tcp'],
      ['disconnect', 'sse-x', 'tcp'],
    ]);
    expect(stream.received[1]).toMatchObject({ reason: 'client sent DISCONNECT' });
  });

  it('GET /api/events streams every client, and stops once the page leaves', async () => {
    const listeners = () => lab.server.broker.events.listenerCount('event');
    // Only the harness listens once the previous test's stream has gone.
    await expect.poll(listeners).toBe(1);
    const stream = await openEventStream(`${base}/api/events`);
    expect(listeners()).toBe(2);

    const leaveA = await connectAndLeave('sse-all-a');
    const leaveB = await connectAndLeave('sse-all-b');
    await Promise.all([leaveA(), leaveB()]);
    await expect.poll(() => stream.received.filter((e) => e.type === 'disconnect').length).toBe(2);
    await stream.close();

    expect(new Set(stream.received.map((e) => e.clientId))).toEqual(
      new Set(['sse-all-a', 'sse-all-b']),
    );
    await expect.poll(listeners).toBe(1);
  });
});

describe('the static site', () => {
  it.each([['/'], ['/index.html'], ['/index']])(
    'GET %s serves index.html as HTML',
    async (path) => {
      const res = await fetch(`${base}${path}`);

      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toBe(SITE.index);
    },
  );

  it('answers a missing page with 404 and the site’s own 404.html', async () => {
    const res = await fetch(`${base}/nope`);

    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe(SITE.notFound);
  });

  it.each([
    ['/../package.json'],
    ['/%2e%2e/package.json'],
    ['/..%2fpackage.json'],
    ['/%2e%2e%2fpackage.json'],
    ['/..%5cpackage.json'],
    ['/%E0%A4%A'],
  ])('does not serve %s from outside the site folder', async (path) => {
    expect(await rawGet(lab.server.port, path)).toEqual({
      status: 404,
      type: 'text/html; charset=utf-8',
      body: SITE.notFound,
    });
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await fetch(`${base}/`, { method: 'HEAD' });

    expect([res.status, res.headers.get('content-type'), await res.text()]).toEqual([
      200,
      'text/html; charset=utf-8',
      '',
    ]);
  });
});

describe('WebSocket upgrades', () => {
  it.each([['/'], ['/mqtt/extra'], ['/api/lab']])(
    'refuses an upgrade on %s with 404',
    async (path) => {
      const socket = new WebSocket(`ws://${HOST}:${lab.server.port}${path}`, 'mqtt');

      const error = await new Promise<Error>((resolve) => socket.once('error', resolve));

      expect(error.message).toBe('Unexpected server response: 404');
    },
  );

  it('accepts an upgrade on /mqtt even with a query string', async () => {
    const url = `ws://${HOST}:${lab.server.port}/mqtt?session=1`;
    const client = await mqtt.connectAsync(url, {
      clientId: 'ws-query',
      protocolVersion: 4,
      reconnectPeriod: 0,
    });
    await client.endAsync();

    expect(await lab.event('connect', 'ws-query')).toMatchObject({ transport: 'ws' });
  });

  it('logs nothing on lab:http while pages are served without errors', () => {
    expect(lab.logged().filter((line) => line.startsWith('lab:http'))).toEqual([]);
  });
});
