// Part of `npm run bench`: what a device connection costs. A real mutual TLS handshake with the
// lab server's 8883 listener, through MQTT CONNACK (P-256 device certificate, a policy that
// allows iot:Connect); 2,000 QoS 1 publishes of that device, each checked against its policy;
// the in-page lab's modelled TLS 1.3 handshake; and one policy decision.
import { labServerRegistry } from '../src/browser/registry/lab-server-registry.ts';
import { createCertificateRegistry, memoryStorage } from '../src/core/lab/registry/index.ts';
import { evaluate } from '../src/core/policy/evaluate.ts';
import { mqttRequests } from '../src/core/policy/request.ts';
import { emulateLabHandshake } from '../src/core/tls/lab-handshake.ts';
import { issueLabServerCertificate } from '../src/core/tls/lab-server-certificate.ts';
import { probeHandshake } from '../src/sandbox/tls/handshake-probe.ts';
import mqtt from 'mqtt';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LabProcess } from '../tests/support/lab-process.ts';

const ARN = 'arn:aws:iot:us-east-1:123456789012';

const devicePolicy = (thing: string) => ({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'iot:Connect', Resource: `${ARN}:client/${thing}` },
    { Effect: 'Allow', Action: 'iot:Publish', Resource: `${ARN}:topic/sensors/${thing}/*` },
    { Effect: 'Deny', Action: 'iot:Publish', Resource: `${ARN}:topic/sensors/${thing}/firmware` },
  ],
});

export interface Timing {
  what: string;
  median: string;
  runs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeEach(runs: number, once: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function benchDeviceConnections(lab: LabProcess, runs = 20): Promise<Timing[]> {
  const crypto = globalThis.crypto;
  const thing = `bench-${Date.now().toString(36)}`;

  // The lab server: a device made over its API, with a policy, then real handshakes.
  const registry = labServerRegistry(new URL(lab.url).origin);
  const made = await registry.createKeysAndCertificate({
    commonName: thing,
    algorithm: 'P-256',
    setAsActive: true,
  });
  await registry.createPolicy(`${thing}-policy`, JSON.stringify(devicePolicy(thing)));
  await registry.attachPolicy(`${thing}-policy`, made.certificate.certificateId);
  const caPem = await readFile(join(lab.dataDir, 'ca', 'lab-root-ca.pem'), 'utf8');
  const request = {
    certificatePem: made.certificate.pem,
    privateKeyPem: made.privateKeyPem,
    caPem,
    host: '127.0.0.1',
    port: lab.mtlsPort,
    serverName: 'localhost',
    clientId: thing,
  };
  const first = await probeHandshake(request);
  if (first.outcome !== 'connected') {
    throw new Error(`The bench device did not connect: ${first.failure?.message ?? 'no reason'}`);
  }
  const real = await timeEach(runs, () => probeHandshake(request));

  // A device's QoS 1 publishes over mutual TLS: each one is checked against its policies.
  const client = mqtt.connect(`mqtts://127.0.0.1:${lab.mtlsPort}`, {
    cert: made.certificate.pem,
    key: made.privateKeyPem,
    ca: caPem,
    servername: 'localhost',
    clientId: thing,
    protocolVersion: 4,
  });
  await new Promise((resolve, reject) => {
    client.once('connect', resolve);
    client.once('error', reject);
  });
  const published = 2000;
  const publishStart = performance.now();
  for (let i = 0; i < published; i += 1) {
    await client.publishAsync(`sensors/${thing}/temperature`, 'x'.repeat(200), { qos: 1 });
  }
  const perSecond = published / ((performance.now() - publishStart) / 1000);
  await client.endAsync();

  // The in-page lab's model, in Node: the same code the worker runs.
  const memory = createCertificateRegistry(memoryStorage(), crypto, () => new Date());
  const server = await issueLabServerCertificate(crypto, await memory.labCaAuthority());
  const device = await memory.createKeysAndCertificate({
    commonName: thing,
    algorithm: 'P-256',
    setAsActive: true,
  });
  const modelled = await timeEach(runs, () =>
    emulateLabHandshake(
      crypto,
      { registry: memory, server },
      { certificatePem: device.certificate.pem, privateKeyPem: device.privateKeyPem },
    ),
  );

  // One decision: a publish that an Allow matches and a Deny then decides.
  const policies = [{ name: 'device', document: devicePolicy(thing) }];
  const context = { 'iot:ClientId': thing };
  const decisions = 10_000;
  const start = performance.now();
  for (let i = 0; i < decisions; i += 1) {
    evaluate(mqttRequests.publish(`sensors/${thing}/firmware`), policies, context);
  }
  const perDecision = ((performance.now() - start) * 1000) / decisions;

  return [
    {
      what: 'Real mutual TLS (lab server, P-256) through CONNACK',
      median: `${real.toFixed(1)} ms`,
      runs,
    },
    {
      what: 'Device QoS 1 publishes over mutual TLS, policy checked (lab server)',
      median: `${Math.round(perSecond).toLocaleString('en')} msg/s`,
      runs: 1,
    },
    {
      what: 'Modelled TLS 1.3 handshake (in-page lab code, P-256)',
      median: `${modelled.toFixed(1)} ms`,
      runs,
    },
    {
      what: 'One policy decision (3 statements, explicit deny)',
      median: `${perDecision.toFixed(1)} µs (mean)`,
      runs: decisions,
    },
  ];
}
