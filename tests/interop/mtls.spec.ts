import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createCertificateRegistry,
  type LabCertificateRegistry,
} from '../../src/core/lab/registry/index.ts';
import type { HandshakeReport } from '../../src/core/tls/handshake-report.ts';
import { createFileStore } from '../../src/sandbox/registry/file-store.ts';
import { probeHandshake } from '../../src/sandbox/tls/handshake-probe.ts';
import { labOverHttp } from '../../src/sandbox/tls/lab-records.ts';
import { expect, test } from '../support/fixtures.ts';
import type { LabProcess } from '../support/lab-process.ts';
import { hasMosquittoClients, mosquittoPub, mosquittoSub } from '../support/mosquitto.ts';
import { allowEverything, makeDevice, type DeviceKind } from '../support/mtls-devices.ts';

// Debian's mosquitto_pub, mosquitto_sub and openssl against `handshake start`'s MQTT over
// mutual TLS, with certificates made in the lab's registry (its data folder, as `handshake cert`
// and the pages change it), and the lab's own log for what it decided.

/** The lab's registry, read from its data folder as the server reads it, before every call. */
const registryOf = (lab: LabProcess): LabCertificateRegistry =>
  createCertificateRegistry(createFileStore(lab.dataDir), globalThis.crypto, () => new Date());

/** A device kit as the course hands it out: device.crt, device.key and ca.pem in one folder. */
async function kit(lab: LabProcess, kind: DeviceKind) {
  const registry = registryOf(lab);
  const device = await makeDevice(registry, kind);
  if (!['unregistered', 'unregistered-ca'].includes(kind)) {
    await allowEverything(registry, device.certificateId);
  }
  const folder = mkdtempSync(join(tmpdir(), `handshake-kit-${kind}-`));
  const files = {
    crt: join(folder, 'device.crt'),
    key: join(folder, 'device.key'),
    ca: join(folder, 'ca.pem'),
    chain: join(folder, 'chain.crt'),
  };
  writeFileSync(files.crt, device.certificatePem);
  writeFileSync(files.key, device.privateKeyPem, { mode: 0o600 });
  if (device.chainPem) writeFileSync(files.chain, device.chainPem);
  copyFileSync(join(lab.dataDir, 'ca', 'lab-root-ca.pem'), files.ca);
  return { device, ...files };
}

type Kit = Awaited<ReturnType<typeof kit>>;

/** mosquitto's TLS options for a kit, against the lab's port; `cert` may be the chain file. */
function tlsArgs(lab: LabProcess, files: Kit, cert: string | null = files.crt): string[] {
  const certificate = cert ? ['--cert', cert, '--key', files.key] : [];
  return ['-h', '127.0.0.1', '-p', String(lab.mtlsPort), '--cafile', files.ca, ...certificate];
}

function probe(
  lab: LabProcess,
  files: Kit,
  options: { certificatePem?: string; serverName?: string } = {},
) {
  return probeHandshake({
    certificatePem: options.certificatePem ?? files.device.certificatePem,
    privateKeyPem: files.device.privateKeyPem,
    caPem: readCa(lab),
    host: '127.0.0.1',
    port: lab.mtlsPort,
    serverName: options.serverName ?? 'localhost',
    lab: labOverHttp(lab.url.replace(/\/$/, '')),
  });
}

const readCa = (lab: LabProcess) =>
  readFileSync(join(lab.dataDir, 'ca', 'lab-root-ca.pem'), 'utf8');

/** The device's address and port as the lab logged them, from the report's notes. */
const fromOf = (report: HandshakeReport) =>
  report.notes?.join(' ').match(/\(from (127\.0\.0\.1:\d+)\)/)?.[1] ?? 'unknown';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe('MQTT over mutual TLS with native clients', () => {
  test.skip(
    !hasMosquittoClients(),
    'mosquitto-clients is not installed: apt-get install -y mosquitto-clients',
  );

  for (const kind of ['rsa', 'p256'] as const) {
    test(`mosquitto_sub and mosquitto_pub exchange a message with ${kind === 'rsa' ? 'RSA-2048' : 'P-256'} certificates the lab issued`, async ({
      lab,
    }) => {
      const [subscriber, publisher] = [await kit(lab, kind), await kit(lab, kind)];
      const topic = `lab/mtls/${kind}/${Date.now()}`;
      const payload = `{"device":"${publisher.device.commonName}","celsius":21.5}`;
      const subscriberId = `mtls-sub-${kind}-${Date.now()}`;

      const received = mosquittoSub([
        ...tlsArgs(lab, subscriber),
        '-i',
        subscriberId,
        '-t',
        topic,
        '-C',
        '1',
        '-W',
        '20',
      ]);
      await lab.waitForLine(
        new RegExp(
          `lab:mqtt subscribe client=${subscriberId} via=mtls filter=${escape(topic)} qos=0`,
        ),
      );
      const sent = mosquittoPub([
        ...tlsArgs(lab, publisher),
        '-i',
        `mtls-pub-${kind}`,
        '-t',
        topic,
        '-m',
        payload,
        '-q',
        '1',
      ]);

      expect(sent).toEqual({ code: 0, output: '' });
      const result = await received;
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${payload}\n`);
      await lab.waitForLine(
        new RegExp(
          `lab:tls accepted tls from=127\\.0\\.0\\.1:\\d+ cert=${publisher.device.certificateId.slice(0, 8)}… subject="CN=${publisher.device.commonName}" protocol=TLSv1\\.3`,
        ),
      );
    });
  }

  // Each way to be refused: the probe's failure code, the lab's log line, and (where a native
  // client can show it) mosquitto_pub's exit status and message.
  const refusals: { kind: DeviceKind; code: string; line: RegExp }[] = [
    {
      kind: 'expired',
      code: 'client-certificate-expired',
      line: /code=client-certificate-expired cert=\S+ subject="CN=expired-[^"]+": The certificate "CN=expired-[^"]+" expired at /,
    },
    {
      kind: 'not-yet-valid',
      code: 'client-certificate-not-yet-valid',
      line: /code=client-certificate-not-yet-valid cert=\S+ subject="[^"]+": .* is valid only from /,
    },
    {
      kind: 'unregistered-ca',
      code: 'unknown-ca',
      line: /code=unknown-ca cert=\S+ subject="[^"]+": .* which is not a CA registered with the lab/,
    },
    {
      kind: 'intermediate',
      code: 'intermediate-missing',
      line: /code=intermediate-missing cert=\S+ subject="[^"]+": .* but the device did not send the intermediate/,
    },
    {
      kind: 'inactive',
      code: 'certificate-inactive',
      line: /code=certificate-inactive cert=\S+ subject="[^"]+": Certificate [0-9a-f]{64} is INACTIVE/,
    },
    {
      kind: 'revoked',
      code: 'certificate-revoked',
      line: /code=certificate-revoked cert=\S+ subject="[^"]+": Certificate [0-9a-f]{64} is REVOKED/,
    },
    {
      kind: 'no-client-auth',
      code: 'no-client-auth-usage',
      line: /code=no-client-auth-usage cert=\S+ subject="[^"]+": .* lists extendedKeyUsage serverAuth, without clientAuth/,
    },
    {
      kind: 'unregistered',
      code: 'certificate-unregistered',
      line: /code=certificate-unregistered cert=\S+ subject="[^"]+": No certificate with ID [0-9a-f]{64} is registered/,
    },
  ];

  for (const { kind, code, line } of refusals) {
    test(`${kind}: refused before MQTT as ${code}, in the probe, the lab's log and mosquitto_pub`, async ({
      lab,
    }) => {
      const files = await kit(lab, kind);

      const report = await probe(lab, files);
      expect(report.outcome).toBe('failed');
      expect(report.failure?.code).toBe(code);
      // Node's TLS server checks a chain after the handshake, so the lab sends no alert for it.
      expect(report.alert).toBeNull();
      const logged = await lab.waitForLine(
        new RegExp(`lab:tls refused tls from=${escape(fromOf(report))} `),
      );
      expect(logged).toMatch(line);
      expect(logged).toContain(`cert=${files.device.certificateId.slice(0, 8)}…`);

      const clientId = `mtls-${kind}-${Date.now()}`;
      const native = mosquittoPub([
        ...tlsArgs(lab, files),
        '-i',
        clientId,
        '-t',
        'lab/mtls/refused',
        '-m',
        'no',
        '-q',
        '1',
      ]);
      // The lab closes right after the handshake; whether mosquitto_pub's CONNECT was already
      // written decides its words: connection lost (7) or broken pipe (14). Both end before MQTT.
      expect([
        { code: 7, output: 'Error: The connection was lost.\n' },
        { code: 14, output: 'Error: Broken pipe\n' },
      ]).toContainEqual(native);
      expect(lab.output()).not.toContain(`connect client=${clientId} `);
    });
  }

  test('the same intermediate device connects once it sends its chain (certificate, then intermediate)', async ({
    lab,
  }) => {
    const files = await kit(lab, 'intermediate');

    const report = await probe(lab, files, { certificatePem: files.device.chainPem! });
    expect(report.failure).toBeNull();
    expect(report.outcome).toBe('connected');

    const clientId = `mtls-chain-${Date.now()}`;
    const native = mosquittoPub([
      ...tlsArgs(lab, files, files.chain),
      '-i',
      clientId,
      '-t',
      'lab/mtls/chain',
      '-m',
      'ok',
      '-q',
      '1',
    ]);
    expect(native).toEqual({ code: 0, output: '' });
    await lab.waitForLine(new RegExp(`lab:mqtt connect client=${clientId} via=mtls`));
  });

  test('a key that is not the certificate’s stops the device before it connects', async ({
    lab,
  }) => {
    const files = await kit(lab, 'key-mismatch');

    const report = await probe(lab, files);
    expect(report.failure?.code).toBe('key-mismatch');
    expect(report.steps).toEqual([]);

    const native = mosquittoPub([
      ...tlsArgs(lab, files),
      '-i',
      `mtls-mismatch-${Date.now()}`,
      '-t',
      'lab/x',
      '-m',
      'no',
    ]);
    expect(native).toEqual({ code: 1, output: 'Unable to connect (A TLS error occurred.).\n' });
  });

  test('a device that dials a name the server certificate lacks stops: server-name-mismatch', async ({
    lab,
  }) => {
    const files = await kit(lab, 'p256');

    const report = await probe(lab, files, { serverName: 'broker.invalid' });
    expect(report.failure?.code).toBe('server-name-mismatch');

    // OpenSSL's client checks the name during the handshake and sends bad_certificate.
    const openssl = spawnSync(
      'openssl',
      [
        's_client',
        '-connect',
        `127.0.0.1:${lab.mtlsPort}`,
        '-cert',
        files.crt,
        '-key',
        files.key,
        '-CAfile',
        files.ca,
        '-verify_hostname',
        'broker.invalid',
        '-verify_return_error',
      ],
      { input: '', encoding: 'utf8', timeout: 15_000 },
    );
    expect(openssl.status).not.toBe(0);
    expect(`${openssl.stdout}${openssl.stderr}`).toMatch(
      /Verify return code: 62 \(hostname mismatch\)/,
    );
    await lab.waitForLine(
      /lab:tls tls handshake failed from=127\.0\.0\.1:\d+ code=server-name-mismatch alert=bad_certificate by=device: /,
    );
  });

  test('a device with no certificate gets certificate_required, never reaches MQTT, and the next device is served', async ({
    lab,
  }) => {
    const files = await kit(lab, 'p256');

    const bare = await probeHandshake({
      certificatePem: '',
      privateKeyPem: '',
      caPem: readCa(lab),
      host: '127.0.0.1',
      port: lab.mtlsPort,
      serverName: 'localhost',
      lab: labOverHttp(lab.url.replace(/\/$/, '')),
    });
    expect(bare.failure?.code).toBe('no-client-certificate');
    expect(bare.alert).toEqual({ by: 'server', name: 'certificate_required', code: 116 });
    await lab.waitForLine(
      new RegExp(
        `lab:tls refused tls from=${escape(fromOf(bare))} code=no-client-certificate alert=certificate_required: `,
      ),
    );

    const bareId = `mtls-bare-${Date.now()}`;
    const native = mosquittoPub([
      ...tlsArgs(lab, files, null),
      '-i',
      bareId,
      '-t',
      'lab/mtls/bare',
      '-m',
      'no',
      '-q',
      '1',
    ]);
    expect(native).toEqual({ code: 7, output: 'Error: The connection was lost.\n' });

    const nextId = `mtls-next-${Date.now()}`;
    const next = mosquittoPub([
      ...tlsArgs(lab, files),
      '-i',
      nextId,
      '-t',
      'lab/mtls/next',
      '-m',
      'served',
      '-q',
      '1',
    ]);
    expect(next).toEqual({ code: 0, output: '' });
    await lab.waitForLine(new RegExp(`lab:mqtt connect client=${nextId} via=mtls`));
    expect(lab.output()).not.toContain(`client=${bareId}`);
  });

  test('openssl s_client lists the lab CA among the acceptable client certificate CA names', async ({
    lab,
  }) => {
    const files = await kit(lab, 'p256');

    const openssl = spawnSync(
      'openssl',
      [
        's_client',
        '-connect',
        `127.0.0.1:${lab.mtlsPort}`,
        '-cert',
        files.crt,
        '-key',
        files.key,
        '-CAfile',
        files.ca,
      ],
      { input: '', encoding: 'utf8', timeout: 15_000 },
    );
    const lines = openssl.stdout.split('\n');
    const heading = lines.indexOf('Acceptable client certificate CA names');

    expect(heading).toBeGreaterThan(-1);
    expect(lines.slice(heading + 1)).toContain('O = Handshake Lab, CN = Handshake Lab Root CA');
    expect(openssl.stdout).toContain('Verify return code: 0 (ok)');
  });
});
