import { describe, expect, it } from 'vitest';
import { connectSnippets, SNIPPET_IDS } from '../../../src/widgets/tls/connect-snippets.ts';
import { endpointFromInfo } from '../../../src/widgets/tls/lab-endpoint.ts';

const byId = (facts: Parameters<typeof connectSnippets>[0]) =>
  Object.fromEntries(connectSnippets(facts).map((s) => [s.id, s.text]));

describe('connect snippets', () => {
  it('gives one snippet per client, in the order a learner tries them', () => {
    expect(connectSnippets().map((s) => s.id)).toEqual([...SNIPPET_IDS]);
  });

  it('mosquitto_pub uses the kit files, the lab CA and the mutual TLS port', () => {
    const text = byId({})['mosquitto-pub'];
    expect(text).toBe(
      'mosquitto_pub -h localhost -p 8883 \\\n' +
        '  --cafile .lab/ca/lab-root-ca.pem --cert device.crt --key device.key \\\n' +
        `  -i greenhouse-sensor-1 -t 'lab/greenhouse-sensor-1/hello' -m '{"hello":"lab"}' -d`,
    );
  });

  it('fills host, port, CA file and client ID into every snippet', () => {
    const texts = byId({ host: 'lab.local', port: 18883, caFile: 'lab-ca.pem', clientId: 'dev-7' });
    expect(texts['mosquitto-sub']).toContain('-h lab.local -p 18883');
    expect(texts['mosquitto-sub']).toContain("-i dev-7-listener -t 'lab/dev-7/#' -v");
    expect(texts['openssl']).toContain(
      'openssl s_client -connect lab.local:18883 -servername lab.local',
    );
    expect(texts['openssl']).toContain('-cert device.crt -key device.key -CAfile lab-ca.pem');
    expect(texts['node']).toContain("mqtt.connect('mqtts://lab.local:18883', {");
    expect(texts['node']).toContain("ca: readFileSync('lab-ca.pem'),");
    expect(texts['python']).toContain(
      'client.tls_set(ca_certs="lab-ca.pem", certfile="device.crt", keyfile="device.key")',
    );
    expect(texts['python']).toContain('client.connect("lab.local", 18883)');
  });
});

describe('the lab server mutual TLS endpoint', () => {
  it('dials localhost for a loopback bind, the page host for a wildcard bind', () => {
    expect(endpointFromInfo({ mqtt: { host: '127.0.0.1', tcpPort: 1883 } }, 'x')).toEqual({
      host: 'localhost',
      port: 8883,
      fromLab: false,
    });
    expect(
      endpointFromInfo({ mqtt: { host: '0.0.0.0' }, mtls: { port: 9883 } }, '10.0.0.5'),
    ).toEqual({ host: '10.0.0.5', port: 9883, fromLab: true });
  });
});
