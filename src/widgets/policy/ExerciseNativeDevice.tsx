import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LabEvent } from '../../core/lab/lab-event.ts';
import Downloads from '../pki/Downloads.tsx';
import { exerciseCommands } from './exercise-commands.ts';
import type { ExerciseDevice } from './exercise-device.ts';
import type { Note } from './exercise-log.ts';

interface NativeProps {
  origin: string;
  device: ExerciseDevice;
  note: Note;
}

/** With the lab server: a native client is the device; the page follows the broker's events. */
export default function ExerciseNativeDevice({ origin, device, note }: NativeProps) {
  const [port, setPort] = useState(8883);
  useEffect(() => {
    void fetch(new URL('/api/lab', origin))
      .then((r) => r.json() as Promise<{ mqtt?: { mtlsPort?: number } }>)
      .then((info) => info.mqtt?.mtlsPort && setPort(info.mqtt.mtlsPort))
      .catch(() => undefined);
  }, [origin]);

  useEffect(() => {
    // The device's own client ID, and the one the last command borrows to show iot:Connect.
    const watched = new Set([device.thingName, 'another-device']);
    const events = new EventSource(new URL('/api/events', origin));
    events.addEventListener('message', (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as LabEvent;
      if (watched.has(event.clientId)) describeEvent(event, note);
    });
    return () => events.close();
  }, [origin, device.thingName]);

  const files = useMemo(
    () => [
      { name: 'device.crt', label: 'device certificate (PEM)', content: device.certificatePem },
      {
        name: 'device.key',
        label: 'private key: keep it on the device',
        content: device.privateKeyPem,
        secret: true,
      },
    ],
    [device],
  );

  return (
    <div class="hs-exercise-device">
      <p class="hs-note">
        A page cannot present a client certificate, so the device is a native client over real
        mutual TLS on port {port}. Save the two files in the folder you run <code>npm start</code>{' '}
        from, run a command, and watch the broker's answers below.
      </p>
      <Downloads files={files} label="Device files" />
      <ul class="hs-exercise-commands">
        {exerciseCommands(device.thingName, port).map((command) => (
          <li key={command.label}>
            <span class="hs-note hs-note--inline">{command.label}</span>
            <pre>
              <code>{command.text}</code>
            </pre>
          </li>
        ))}
      </ul>
    </div>
  );
}

function describeEvent(event: LabEvent, note: Note) {
  switch (event.type) {
    case 'connect':
      return note('done', `${event.clientId} connected over ${event.transport}.`);
    case 'subscribe':
      return note('done', `${event.clientId} subscribed to ${event.filter} (QoS ${event.qos}).`);
    case 'disconnect':
      return note('note', `${event.clientId} disconnected: ${event.reason}.`);
    case 'refusal':
      return note('refused', `Refused ${event.action} ${event.target}`, event.refusal);
    default:
      return undefined;
  }
}
