/** POST /api/tls/probe and GET /api/tls/connections, as the gallery and the terminal call them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandshakeReport } from '../../../src/core/tls/handshake-report.ts';
import type { TlsDecision } from '../../../src/sandbox/tls/tls-decision.ts';
import { allowEverything, makeDevice } from '../../support/mtls-devices.ts';
import { HOST, startLab, type Lab } from './lab-harness.ts';

let lab: Lab;
let base: string;

beforeAll(async () => {
  lab = await startLab({ mtls: true });
  base = `http://${HOST}:${lab.server.port}`;
});
afterAll(async () => {
  await lab?.stop();
});

async function post(body: unknown, raw = false) {
  const res = await fetch(`${base}/api/tls/probe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('POST /api/tls/probe', () => {
  it("runs a real handshake with the lab's own listener and answers its report", async () => {
    const device = await makeDevice(lab.server.registry, 'p256');
    await allowEverything(lab.server.registry, device.certificateId);

    const { status, json } = await post({
      certificatePem: device.certificatePem,
      privateKeyPem: device.privateKeyPem,
    });
    const report = json as unknown as HandshakeReport;

    expect(status).toBe(200);
    expect(report).toMatchObject({ mode: 'real', outcome: 'connected', failure: null });
    expect(report.identity?.certificateId).toBe(device.certificateId);
    // The lab CA is the default trust anchor, and localhost the default name.
    const serverCertificate = report.steps.find(
      (s) => s.message === 'Certificate' && s.from === 'server',
    );
    expect(serverCertificate?.checks.map((c) => c.passed)).toEqual([true, true]);
    expect(serverCertificate?.checks[1]?.detail).toContain('dialled localhost');
  });

  it.each([
    ['revoked', {}, 'certificate-revoked', null],
    ['key-mismatch', {}, 'key-mismatch', null],
    ['p256', { serverName: 'broker.invalid' }, 'server-name-mismatch', null],
  ] as const)('reports a %s device %j as %s', async (kind, extra, code, alert) => {
    const device = await makeDevice(lab.server.registry, kind);
    const { status, json } = await post({
      certificatePem: device.certificatePem,
      privateKeyPem: device.privateKeyPem,
      ...extra,
    });

    expect(status).toBe(200);
    expect((json as unknown as HandshakeReport).failure?.code).toBe(code);
    expect((json as unknown as HandshakeReport).alert).toBe(alert);
  });

  it('ends with CONNECT under the client ID given, which the IoT policy on iot:Connect decides', async () => {
    const device = await makeDevice(lab.server.registry, 'p256');
    const clientId = `gallery-${Date.now()}`;
    const { json } = await post({
      certificatePem: device.certificatePem,
      privateKeyPem: device.privateKeyPem,
      clientId,
    });
    const report = json as unknown as HandshakeReport;

    // No policy is attached to this certificate, so AWS IoT's implicit deny refuses CONNECT.
    expect(report.failure?.code).toBe('mqtt-refused');
    expect(report.steps.find((s) => s.message === 'CONNECT')?.carries[0]?.value).toBe(clientId);
    expect(report.steps.at(-1)?.carries[0]?.value).toBe('5 (Not authorized)');
    expect(report.failure?.message).toContain(
      `No policy attached to the certificate allows iot:Connect on client/${clientId}: attach one`,
    );
  });

  it("takes '' for a device with no certificate, as the gallery sends it", async () => {
    const { status, json } = await post({
      certificatePem: '',
      privateKeyPem: '',
      caPem: '',
      serverName: '',
    });
    const report = json as unknown as HandshakeReport;

    expect(status).toBe(200);
    expect(report.failure?.code).toBe('no-client-certificate');
    expect(report.alert).toEqual({ by: 'server', name: 'certificate_required', code: 116 });
  });

  it.each([
    ['no body', '', 'invalid-json', 'The request has no body; send a JSON object.'],
    ['not JSON', '{pem', 'invalid-json', /^The request body is not valid JSON/],
    [
      'no certificatePem',
      JSON.stringify({ privateKeyPem: '' }),
      'invalid-request',
      `"certificatePem" must be a string of PEM text ('' for none), and it is missing.`,
    ],
    [
      'a certificate that is not PEM',
      JSON.stringify({ certificatePem: 'hello', privateKeyPem: '' }),
      'certificate-unreadable',
      /^the device's certificate file holds no CERTIFICATE block/,
    ],
    [
      'a certificate without its key',
      'KEYLESS',
      'private-key-missing',
      /^A device that sends a certificate must also have its private key/,
    ],
    [
      'a client ID with a space',
      JSON.stringify({ certificatePem: '', privateKeyPem: '', clientId: 'my device' }),
      'invalid-client-id',
      '"clientId" must be 1 to 128 printable ASCII characters without spaces; got "my device".',
    ],
    [
      'a server name with a space',
      JSON.stringify({ certificatePem: '', privateKeyPem: '', serverName: 'lab host' }),
      'invalid-server-name',
      '"serverName" must be a host name or an IP address, such as localhost; got "lab host".',
    ],
  ])('answers 400 for %s, saying what to fix', async (_, body, code, message) => {
    const payload =
      body === 'KEYLESS'
        ? JSON.stringify({
            certificatePem: (await makeDevice(lab.server.registry, 'p256')).certificatePem,
            privateKeyPem: '',
          })
        : body;
    const { status, json } = await post(payload, true);

    expect(status).toBe(400);
    expect(json.code).toBe(code);
    if (typeof message === 'string') expect(json.error).toBe(message);
    else expect(json.error).toMatch(message);
  });
});

describe('GET /api/tls/connections', () => {
  it("lists the lab's decisions, newest first, and gives one by the device's address and port", async () => {
    await post({ certificatePem: '', privateKeyPem: '' });
    const list = (await (await fetch(`${base}/api/tls/connections`)).json()) as {
      connections: TlsDecision[];
    };
    const newest = list.connections[0]!;

    expect(newest).toMatchObject({
      outcome: 'refused',
      failure: { code: 'no-client-certificate' },
    });
    const one = await fetch(`${base}/api/tls/connections?from=${encodeURIComponent(newest.from)}`);
    expect(await one.json()).toEqual(newest);
  });

  it('answers 404 for a connection it has no record of, and for other paths', async () => {
    const missing = await fetch(`${base}/api/tls/connections?from=192.0.2.1:1`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('no-such-connection');

    expect((await fetch(`${base}/api/tls/elsewhere`)).status).toBe(404);
    expect((await fetch(`${base}/api/tls/probe`)).status).toBe(405);
  });
});
