import type { RegistryStore } from './registry-store.ts';

type QoS = 0 | 1 | 2;

/** A retained message as the registry keeps it. Records are JSON, so the payload is base64. */
export type RetainedRecord = { topic: string; payload: string; qos: QoS; savedAt: string };

/** A retained PUBLISH as the broker takes and gives it. */
export interface RetainedPacket {
  topic: string;
  payload: Uint8Array;
  qos: QoS;
}

/** The broker's retained messages, kept in the registry so that they survive a reload. */
export interface RetainedMessages {
  /** Every retained message saved before, for the broker to take back when it starts. */
  load(): Promise<RetainedPacket[]>;
  /** Keeps the retained message of a topic; an empty payload forgets it [MQTT-3.3.1-10]. */
  save(packet: RetainedPacket): Promise<void>;
}

export function retainedMessages(store: RegistryStore): RetainedMessages {
  return {
    async load() {
      const saved = await store.list('retained');
      return saved.map(({ record }) => ({
        topic: record.topic,
        payload: fromBase64(record.payload),
        qos: record.qos,
      }));
    },
    async save({ topic, payload, qos }) {
      // A zero-byte retained message is never stored [MQTT-3.3.1-11].
      if (payload.byteLength === 0) return store.delete('retained', topic);

      const record = { topic, payload: toBase64(payload), qos, savedAt: new Date().toISOString() };
      return store.put('retained', topic, record);
    },
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices, because String.fromCharCode takes its bytes as arguments.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
