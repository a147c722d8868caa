/**
 * Commands and short programs that connect a real MQTT client to the lab server over mutual
 * TLS with the device kit's files (device.crt, device.key) and the lab CA that signed the lab
 * server's certificate (the lab writes it to <data dir>/ca/lab-root-ca.pem). Pure text: the
 * widget fills in the host, port and client ID and shows them with a copy button each.
 * Sources: mosquitto_pub(1) and mosquitto_sub(1) (--cafile, --cert, --key), openssl-s_client(1),
 * MQTT.js's README (mqtts:// with key, cert and ca), paho-mqtt 2.x (Client.tls_set).
 */

export interface SnippetFacts {
  /** The name the client dials; it must be one the lab's server certificate lists. Default localhost. */
  host?: string;
  /** The lab server's MQTT over mutual TLS port. Default 8883. */
  port?: number;
  /** The lab CA file as the client sees it. Default `.lab/ca/lab-root-ca.pem`. */
  caFile?: string;
  /** Default `greenhouse-sensor-1`. */
  clientId?: string;
}

export const SNIPPET_IDS = ['mosquitto-pub', 'mosquitto-sub', 'openssl', 'node', 'python'] as const;
export type SnippetId = (typeof SNIPPET_IDS)[number];

export interface Snippet {
  id: SnippetId;
  title: string;
  /** One sentence under the title: what it shows or needs. */
  note: string;
  /** Where the text goes: a shell, or a file with this name. */
  runIn: 'shell' | string;
  text: string;
}

export const DEFAULT_CA_FILE = '.lab/ca/lab-root-ca.pem';

/** Every snippet for these facts, in the order a learner would try them. */
export function connectSnippets(facts: SnippetFacts = {}): Snippet[] {
  const host = facts.host ?? 'localhost';
  const port = facts.port ?? 8883;
  const ca = facts.caFile ?? DEFAULT_CA_FILE;
  const id = facts.clientId ?? 'greenhouse-sensor-1';
  const topic = `lab/${id}/hello`;
  const payload = '{"hello":"lab"}';
  const tlsFlags = `--cafile ${ca} --cert device.crt --key device.key`;

  return [
    {
      id: 'mosquitto-pub',
      title: 'mosquitto_pub',
      note: 'Publishes one message; -d prints each MQTT packet, so you see CONNACK arrive.',
      runIn: 'shell',
      text:
        `mosquitto_pub -h ${host} -p ${port} \\\n` +
        `  ${tlsFlags} \\\n` +
        `  -i ${id} -t '${topic}' -m '${payload}' -d`,
    },
    {
      id: 'mosquitto-sub',
      title: 'mosquitto_sub',
      note: 'Listens under the device’s topics and prints each message with its topic (-v).',
      runIn: 'shell',
      text:
        `mosquitto_sub -h ${host} -p ${port} \\\n` +
        `  ${tlsFlags} \\\n` +
        `  -i ${id}-listener -t 'lab/${id}/#' -v`,
    },
    {
      id: 'openssl',
      title: 'openssl s_client',
      note: 'Only the TLS handshake, no MQTT: it prints the server’s chain, the protocol, the cipher and the verification result.',
      runIn: 'shell',
      text:
        `openssl s_client -connect ${host}:${port} -servername ${host} \\\n` +
        `  -cert device.crt -key device.key -CAfile ${ca} \\\n` +
        `  -verify_hostname ${host} -verify_return_error -brief </dev/null`,
    },
    {
      id: 'node',
      title: 'Node.js with MQTT.js',
      note: 'Needs Node 18 or later and npm install mqtt; save as connect.mjs and run node connect.mjs.',
      runIn: 'connect.mjs',
      text: `import { readFileSync } from 'node:fs';
import mqtt from 'mqtt';

// mqtts:// is MQTT over TLS; key and cert are the device's side of mutual TLS,
// ca is what the client checks the lab server's certificate against.
const client = mqtt.connect('mqtts://${host}:${port}', {
  clientId: '${id}',
  key: readFileSync('device.key'),
  cert: readFileSync('device.crt'),
  ca: readFileSync('${ca}'),
});

client.on('connect', () => {
  console.log('Connected over mutual TLS');
  client.publish('${topic}', '${payload}', { qos: 1 }, (error) => {
    if (error) console.error('Publish refused:', error.message);
    client.end();
  });
});
client.on('error', (error) => {
  console.error('Could not connect:', error.message);
  client.end();
});
`,
    },
    {
      id: 'python',
      title: 'Python with paho-mqtt',
      note: 'Needs paho-mqtt 2 (pip install paho-mqtt); save as connect.py and run python3 connect.py.',
      runIn: 'connect.py',
      text: `import paho.mqtt.client as mqtt

client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="${id}")
# certfile and keyfile are the device's side of mutual TLS;
# ca_certs is what the client checks the lab server's certificate against.
client.tls_set(ca_certs="${ca}", certfile="device.crt", keyfile="device.key")
client.connect("${host}", ${port})
client.loop_start()

message = client.publish("${topic}", '${payload}', qos=1)
message.wait_for_publish()
print("Published over mutual TLS")

client.loop_stop()
client.disconnect()
`,
    },
  ];
}
