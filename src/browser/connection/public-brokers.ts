/**
 * Public test brokers that speak MQTT over secure WebSocket, with the ports and paths their
 * operators publish. Anyone can read what is sent there, so the playground puts a random
 * per-learner prefix in front of its topics.
 */
export interface PublicBroker {
  id: string;
  label: string;
  url: string;
  /** Where the operator documents the address; shown beside the preset. */
  note: string;
}

export const PUBLIC_BROKERS: readonly PublicBroker[] = [
  {
    id: 'emqx',
    label: 'EMQX public broker',
    url: 'wss://broker.emqx.io:8084/mqtt',
    note: 'port 8084, path /mqtt',
  },
  {
    id: 'hivemq',
    label: 'HiveMQ public broker',
    url: 'wss://broker.hivemq.com:8884/mqtt',
    note: 'port 8884, path /mqtt',
  },
  {
    id: 'mosquitto',
    label: 'Eclipse Mosquitto test server',
    url: 'wss://test.mosquitto.org:8081/mqtt',
    note: 'port 8081, no authentication',
  },
  {
    id: 'eclipse-443',
    label: 'Eclipse public broker on port 443',
    url: 'wss://mqtt.eclipseprojects.io:443/mqtt',
    note: 'port 443, for networks that block other ports',
  },
];

export function publicBroker(id: string): PublicBroker | undefined {
  return PUBLIC_BROKERS.find((broker) => broker.id === id);
}
