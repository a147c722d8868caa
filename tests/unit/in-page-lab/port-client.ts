import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { LabEvent } from '../../../src/core/lab/lab-event.ts';
import type { WorkerRequest } from '../../../src/browser/in-page-lab/channel-protocol.ts';
import { portStream } from '../../../src/browser/in-page-lab/port-stream.ts';

/** Something that takes a connection's port, as the in-page lab's worker does. */
export type AcceptPort = (request: Extract<WorkerRequest, { kind: 'connect' }>) => void;

export interface PortClient {
  client: MqttClient;
  /** Lab events that came down this connection's channel. */
  events: LabEvent[];
}

/**
 * An mqtt.js client (Node build) whose bytes go through a MessageChannel, the way a page's
 * client reaches the in-page lab. Resolves on CONNACK.
 */
export async function connectThroughPort(
  accept: AcceptPort,
  clientId: string,
  options: IClientOptions = {},
): Promise<PortClient> {
  const events: LabEvent[] = [];
  const client = new mqtt.MqttClient(
    () => {
      const { port1, port2 } = new MessageChannel();
      accept({ kind: 'connect', port: port2 });
      return portStream(port1, (event) => events.push(event));
    },
    { clientId, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 3000, ...options },
  );
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
    client.once('close', () => reject(new Error(`${clientId} closed before CONNACK`)));
  });
  return { client, events };
}

export function received(client: MqttClient) {
  const got: { topic: string; payload: string; retain: boolean; qos: number }[] = [];
  client.on('message', (topic, payload, packet) => {
    got.push({ topic, payload: payload.toString(), retain: packet.retain, qos: packet.qos });
  });
  return got;
}

export function closed(client: MqttClient): Promise<void> {
  return new Promise((resolve) => client.once('close', () => resolve()));
}
