import { useEffect, useState } from 'preact/hooks';
import {
  ConnectError,
  type Connection,
  type MqttSession,
} from '../../browser/connection/connection.ts';
import type { ExerciseDevice } from './exercise-device.ts';
import type { Note } from './exercise-log.ts';

interface DeviceProps {
  connection: Connection;
  device: ExerciseDevice;
  session: MqttSession | null;
  onSession: (session: MqttSession | null) => void;
  note: Note;
}

/** The page as the device: connect over the modelled mutual TLS, publish, subscribe. */
export default function ExerciseDeviceConsole({
  connection,
  device,
  session,
  onSession,
  note,
}: DeviceProps) {
  const thing = device.thingName;
  const [clientId, setClientId] = useState(thing);
  const [topic, setTopic] = useState(`sensors/${thing}/temperature`);
  const [payload, setPayload] = useState('{"celsius": 21.5}');
  const [filter, setFilter] = useState(`commands/${thing}/#`);
  const [busy, setBusy] = useState(false);

  useEffect(() => () => void session?.end(), [session]);

  async function connect(id = clientId) {
    setBusy(true);
    try {
      const opened = await connection.connect({
        clientId: id,
        tls: { certificatePem: device.certificatePem, privateKeyPem: device.privateKeyPem },
      });
      opened.on('refusal', (refusal, action, target) =>
        note('refused', `Refused ${action} ${target}`, refusal),
      );
      opened.on('message', (m) =>
        note('message', `Received on ${m.topic}: ${new TextDecoder().decode(m.payload)}`),
      );
      opened.on('closed', (closed) => {
        onSession(null);
        if (!closed.byClient) note('note', `Disconnected: ${closed.reason}`);
      });
      onSession(opened);
      note('done', `Connected as ${id} over mutual TLS (CONNACK 0x00).`);
    } catch (error) {
      const refusal = error instanceof ConnectError ? error.refusal : undefined;
      note('refused', `CONNECT as ${id} refused: ${(error as Error).message}`, refusal);
    } finally {
      setBusy(false);
    }
  }

  async function publish(to = topic) {
    if (!session) return;
    try {
      await session.publish(to, payload, { qos: 1, retain: false });
      note('done', `Published to ${to} (PUBACK).`);
    } catch (error) {
      note('note', `Publish to ${to} did not complete: ${(error as Error).message}`);
    }
  }

  async function subscribe(to = filter) {
    if (!session) return;
    try {
      const granted = await session.subscribe(to, 1);
      note(
        granted === 0x80 ? 'refused' : 'done',
        granted === 0x80
          ? `SUBACK 0x80 for ${to}: the subscription was refused; the connection stays.`
          : `Subscribed to ${to} (SUBACK QoS ${granted}).`,
      );
    } catch (error) {
      note('note', `Subscribe to ${to} did not complete: ${(error as Error).message}`);
    }
  }

  /** A command sent by the console (no certificate, may do everything) for the device to receive. */
  async function sendCommand() {
    const to = `commands/${thing}/fan`;
    try {
      const operator = await connection.connect({ clientId: `console-${thing}` });
      await operator.publish(to, 'on', { qos: 1, retain: false });
      await operator.end();
      note(
        'done',
        `The console (no certificate: the lab lets it do anything) published "on" to ${to}.`,
      );
    } catch (error) {
      note('note', `The console could not publish to ${to}: ${(error as Error).message}`);
    }
  }

  return (
    <div class="hs-exercise-device">
      <p class="hs-note">
        The page is the device: it connects to the in-page broker with the device's certificate and
        key over the course's model of mutual TLS (real signatures, no record layer).
      </p>
      <div class="hs-exercise-row">
        <label>
          Client ID <input value={clientId} onInput={(e) => setClientId(e.currentTarget.value)} />
        </label>
        {session ? (
          <button type="button" class="hs-button" onClick={() => void session.end()}>
            Disconnect
          </button>
        ) : (
          <button type="button" class="hs-button" disabled={busy} onClick={() => void connect()}>
            Connect
          </button>
        )}
      </div>
      <div class="hs-exercise-row">
        <label>
          Topic <input value={topic} onInput={(e) => setTopic(e.currentTarget.value)} />
        </label>
        <label>
          Payload <input value={payload} onInput={(e) => setPayload(e.currentTarget.value)} />
        </label>
        <button type="button" class="hs-button" disabled={!session} onClick={() => void publish()}>
          Publish
        </button>
      </div>
      <div class="hs-exercise-row">
        <label>
          Filter <input value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </label>
        <button
          type="button"
          class="hs-button"
          disabled={!session}
          onClick={() => void subscribe()}
        >
          Subscribe
        </button>
        <button type="button" class="hs-button hs-button--quiet" onClick={() => void sendCommand()}>
          Console: send a command
        </button>
      </div>
      <p class="hs-note">Try what the policy should refuse:</p>
      <div class="hs-exercise-row hs-exercise-tries">
        <button
          type="button"
          class="hs-button hs-button--quiet"
          disabled={!session}
          onClick={() => void publish('sensors/another-device/temperature')}
        >
          publish to another device's topic
        </button>
        <button
          type="button"
          class="hs-button hs-button--quiet"
          disabled={!session}
          onClick={() => void subscribe('#')}
        >
          subscribe to #
        </button>
        <button
          type="button"
          class="hs-button hs-button--quiet"
          disabled={session !== null || busy}
          onClick={() => void connect('another-device')}
        >
          connect as another-device
        </button>
      </div>
    </div>
  );
}
