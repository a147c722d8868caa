/**
 * The lab server's MQTT over mutual TLS, in-process, probed with the real handshake probe: each
 * way a device can be refused, what the report says, and the line the lab logs.
 */
import { connect as tlsConnect } from 'node:tls';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../../src/core/lab/lab-event.ts';
import type { HandshakeReport } from '../../../src/core/tls/handshake-report.ts';
import { diagnose } from '../../../src/core/tls/connection-doctor.ts';
import { probeHandshake } from '../../../src/sandbox/tls/handshake-probe.ts';
import { encodeConnect } from '../../../src/sandbox/tls/mqtt-connect.ts';
import { endpoint } from '../../../src/sandbox/tls/tls-decision.ts';
import {
  allowEverything,
  makeDevice,
  type Device,
  type DeviceKind,
} from '../../support/mtls-devices.ts';
import { HOST, startLab, type Lab } from './lab-harness.ts';

let lab: Lab;
let labCa: string;

beforeAll(async () => {
  lab = await startLab({ mtls: true });
  labCa = (await lab.server.registry.labCa()).pem;
});
afterAll(async () => {
  await lab?.stop();
});

function probe(device: Pick<Device, 'certificatePem' | 'privateKeyPem'>, serverName = 'localhost') {
  return probeHandshake({
    certificatePem: device.certificatePem,
    privateKeyPem: device.privateKeyPem,
    caPem: labCa,
    host: HOST,
    port: lab.server.mtlsPort!,
    serverName,
    lab: {
      source: "the lab server's own record",
      decision: (from) =>
        lab.server.tls!.listener.decisions.waitFor(endpoint(from.address, from.port), 2000),
    },
  });
}

/** The lab's log line about the connection the report describes. */
function lineFor(report: HandshakeReport, pattern: RegExp): string | undefined {
  const from = report.notes?.join(' ').match(/from (\d+\.\d+\.\d+\.\d+:\d+)/)?.[1];
  return lab
    .logged()
    .find((line) => pattern.test(line) && (!from || line.includes(`from=${from}`)));
}

async function device(kind: DeviceKind): Promise<Device> {
  const made = await makeDevice(lab.server.registry, kind);
  await allowEverything(lab.server.registry, made.certificateId).catch(() => {});
  return made;
}

describe('MQTT over mutual TLS on the lab server', () => {
  it('tells /api/lab its port, and serves a certificate for localhost and 127.0.0.1 from the lab CA', async () => {
    const info = (await (await fetch(`http://${HOST}:${lab.server.port}/api/lab`)).json()) as {
      mqtt: { mtlsPort: number };
    };
    expect(info.mqtt.mtlsPort).toBe(lab.server.mtlsPort);
    expect(lab.server.tls!.names).toEqual(['localhost', '127.0.0.1']);
    expect(lab.logged()).toContain(
      'lab:tls server certificate issued for localhost, 127.0.0.1 (there was none)',
    );
  });

  it.each(['rsa', 'p256'] as const)(
    'a device with an ACTIVE %s certificate the lab issued connects and reaches MQTT with its identity',
    async (kind) => {
      const made = await device(kind);
      const report = await probe(made);

      expect(report.failure).toBeNull();
      expect(report).toMatchObject({
        mode: 'real',
        outcome: 'connected',
        protocol: 'TLSv1.3',
        alert: null,
      });
      expect(report.identity).toMatchObject({
        certificateId: made.certificateId,
        commonNames: [made.commonName],
      });
      expect(report.steps.map((s) => s.message)).toEqual([
        'ClientHello',
        'ServerHello',
        'CertificateRequest',
        'Certificate',
        'CertificateVerify',
        'Finished',
        'Certificate',
        'CertificateVerify',
        'Finished',
        'Registry lookup',
        'CONNECT',
        'CONNACK',
      ]);
      expect(report.steps[2]!.carries[0]!.value).toContain(
        'CN=Handshake Lab Root CA,O=Handshake Lab',
      );
      expect(lineFor(report, /lab:tls accepted tls /)).toContain(`subject="CN=${made.commonName}"`);
      const clientId = report.steps.find((s) => s.message === 'CONNECT')!.carries[0]!.value;
      expect(
        lab.logged().some((l) => l.startsWith(`lab:mqtt connect client=${clientId} via=mtls`)),
      ).toBe(true);
    },
  );

  // One row per way to be refused: the report's failure and alert, and the lab's log line.
  const refusals: [DeviceKind, string, string | null, RegExp][] = [
    ['expired', 'client-certificate-expired', null, /code=client-certificate-expired .*expired at/],
    [
      'not-yet-valid',
      'client-certificate-not-yet-valid',
      null,
      /code=client-certificate-not-yet-valid .*valid only from/,
    ],
    ['unregistered-ca', 'unknown-ca', null, /code=unknown-ca .*not a CA registered with the lab/],
    [
      'intermediate',
      'intermediate-missing',
      null,
      /code=intermediate-missing .*did not send the intermediate/,
    ],
    ['inactive', 'certificate-inactive', null, /code=certificate-inactive .*is INACTIVE/],
    ['revoked', 'certificate-revoked', null, /code=certificate-revoked .*is REVOKED/],
    [
      'no-client-auth',
      'no-client-auth-usage',
      null,
      /code=no-client-auth-usage .*without clientAuth/,
    ],
    [
      'unregistered',
      'certificate-unregistered',
      null,
      /code=certificate-unregistered .*No certificate with ID/,
    ],
  ];

  it.each(refusals)(
    'a device whose certificate is %s is refused as %s, and the lab logs why',
    async (kind, code, alert, logged) => {
      const made = await device(kind);
      const report = await probe(made);

      expect(report.outcome).toBe('failed');
      expect(report.failure?.code).toBe(code);
      expect(report.alert?.name ?? null).toBe(alert);
      expect(report.steps.some((s) => s.message === 'CONNECT')).toBe(false);
      const line = lineFor(report, /lab:tls refused tls /);
      expect(line).toMatch(logged);
      expect(line).toContain(`cert=${made.certificateId.slice(0, 8)}…`);
    },
  );

  it('reads the registry at each connection: a CA set INACTIVE stops trusting its devices at once', async () => {
    const registry = lab.server.registry;
    const made = await device('intermediate');
    const root = (await registry.listCas()).find((ca) =>
      ca.subject.includes(`Workshop Root ${made.commonName}`),
    )!;
    const chain = { certificatePem: made.chainPem!, privateKeyPem: made.privateKeyPem };
    expect((await probe(chain)).outcome).toBe('connected');

    await registry.setCaStatus(root.caCertificateId, 'INACTIVE');
    const report = await probe(chain);

    expect(report.failure?.code).toBe('unknown-ca');
    expect(report.failure?.message).toContain(
      `chains to "${root.subject}", which is registered with the lab but INACTIVE; only ACTIVE CAs are trusted`,
    );
    expect(
      report.steps.find((s) => s.message === 'CertificateRequest')!.carries[0]!.value,
    ).not.toContain(root.subject);
  });

  it('a device that sends its intermediate with its certificate connects', async () => {
    const made = await device('intermediate');
    const report = await probe({
      certificatePem: made.chainPem!,
      privateKeyPem: made.privateKeyPem,
    });

    expect(report.failure).toBeNull();
    expect(report.outcome).toBe('connected');
    expect(report.steps[6]!.carries.map((c) => c.label)).toEqual([
      'certificate_list[0]',
      'certificate_list[1]',
    ]);
  });

  it('a device with no certificate gets certificate_required from OpenSSL itself, before any MQTT', async () => {
    const report = await probe({ certificatePem: '', privateKeyPem: '' });

    expect(report.failure?.code).toBe('no-client-certificate');
    expect(report.alert).toEqual({ by: 'server', name: 'certificate_required', code: 116 });
    expect(report.steps.at(-1)!.message).toBe('Alert');
    expect(lineFor(report, /lab:tls refused tls /)).toMatch(
      /code=no-client-certificate alert=certificate_required: The device sent no certificate/,
    );
  });

  it("a key that is not the certificate's own stops the device before it connects", async () => {
    const made = await device('key-mismatch');
    const report = await probe(made);

    expect(report.failure?.code).toBe('key-mismatch');
    expect(report.steps).toEqual([]);
    expect(report.failure?.message).toContain('key values mismatch');
  });

  it('a device that dials a name the server certificate lacks hangs up: server-name-mismatch', async () => {
    const made = await device('p256');
    const report = await probe(made, 'broker.invalid');

    expect(report.failure?.code).toBe('server-name-mismatch');
    expect(report.alert).toBeNull();
    const serverCertificate = report.steps.find(
      (s) => s.message === 'Certificate' && s.from === 'server',
    )!;
    expect(serverCertificate.checks.find((c) => !c.passed)?.detail).toBe(
      'the device dialled broker.invalid, but the certificate lists DNS:localhost, IP:127.0.0.1',
    );
  });

  it('the plain MQTT port is reported as not TLS, at the network layer, with the port to use', async () => {
    const made = await device('p256');
    const report = await probeHandshake({
      certificatePem: made.certificatePem,
      privateKeyPem: made.privateKeyPem,
      caPem: labCa,
      host: HOST,
      port: lab.server.mqttPort,
      serverName: 'localhost',
    });

    expect(report.failure?.code).toBe('not-tls');
    expect(report.failure?.message).toContain(
      `${HOST}:${lab.server.mqttPort} accepted the connection but did not complete a TLS handshake`,
    );
    expect(diagnose(report)).toMatchObject({
      layer: 'network',
      title: 'Something answered, but not with TLS',
    });
    // The plain port's log says what happened on its side too.
    await expect
      .poll(() => lab.logged().find((line) => line.includes('looks like a TLS handshake')))
      .toMatch(/Invalid header flag bits.*--mtls-port, 8883 by default/);
  });

  it('a device that trusts another CA hangs up: server-untrusted', async () => {
    const made = await device('p256');
    const other = await makeDevice(lab.server.registry, 'unregistered-ca');
    const report = await probeHandshake({
      certificatePem: made.certificatePem,
      privateKeyPem: made.privateKeyPem,
      caPem: other.certificatePem,
      host: HOST,
      port: lab.server.mtlsPort!,
      serverName: 'localhost',
    });

    expect(report.failure?.code).toBe('server-untrusted');
  });

  it('a refusal is on the lab events too, with the certificate and the rule', async () => {
    const seen: LabEvent[] = [];
    const listen = (event: LabEvent) => seen.push(event);
    lab.server.broker.events.on('event', listen);
    const made = await device('revoked');
    await probe(made);
    lab.server.broker.events.off('event', listen);

    expect(seen).toContainEqual(
      expect.objectContaining({
        type: 'refusal',
        transport: 'mtls',
        action: 'connect',
        clientId: '',
        target: `certificate ${made.certificateId}`,
        refusal: expect.objectContaining({
          code: 'certificate-revoked',
          rule: 'AWS IoT API_UpdateCertificate',
        }),
      }),
    );
  });

  it('a client that sends no certificate never reaches MQTT, and the next good client is served', async () => {
    const connects = () =>
      lab.events.filter((e) => e.type === 'connect' && e.transport === 'mtls').length;
    const before = connects();
    // A plain TLS client with no certificate that writes a CONNECT at once, as fast as it can.
    const bare = tlsConnect({
      host: HOST,
      port: lab.server.mtlsPort!,
      ca: labCa,
      servername: 'localhost',
    });
    bare.on('secureConnect', () => bare.write(encodeConnect('bare')));
    const error = await new Promise<Error & { code?: string }>((resolve) =>
      bare.once('error', resolve),
    );
    expect(error.code).toBe('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED');
    expect(connects()).toBe(before);

    const made = await device('p256');
    const client = await mqtt.connectAsync(`mqtts://localhost:${lab.server.mtlsPort}`, {
      clientId: `after-bare-${Date.now()}`,
      ca: labCa,
      cert: made.certificatePem,
      key: made.privateKeyPem,
      reconnectPeriod: 0,
      protocolVersion: 4,
    });
    await client.endAsync();
    expect(connects()).toBe(before + 1);
  });
});
