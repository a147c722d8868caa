import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { connectionFor } from '../../browser/connection/broker-choice.ts';
import { httpOrigin } from '../../browser/connection/http-origin.ts';
import {
  ConnectError,
  type BrokerTarget,
  type Connection,
  type MqttSession,
} from '../../browser/connection/connection.ts';
import type { LabRegistry } from '../../core/lab/iot-registry.ts';
import type { LabEvent, Refusal } from '../../core/lab/lab-event.ts';
import BrokerBar from '../broker/BrokerBar.tsx';
import { useBrokerChoice } from '../broker/use-broker.ts';
import { clockTime } from '../mqtt/clock-time.ts';
import Downloads from '../pki/Downloads.tsx';
import { useHydrated } from '../use-hydrated.ts';
import { DEVICE_POLICY } from './example-policies.ts';
import {
  attachExercisePolicy,
  checkDevice,
  createDevice,
  forgetDevice,
  savedDevice,
  type AttachedVersion,
  type ExerciseDevice,
  type ExerciseLab,
} from './exercise-device.ts';
import { exerciseCommands } from './exercise-commands.ts';
import PolicyField from './PolicyField.tsx';
import { checkPolicyText } from './policy-text.ts';
import RefusalView from './RefusalView.tsx';
import '../widgets.css';

interface LogEntry {
  id: number;
  time: Date;
  kind: 'done' | 'refused' | 'message' | 'note';
  text: string;
  refusal?: Refusal;
}

/**
 * The policies lesson's live exercise: make a device (thing + ACTIVE certificate), attach a
 * policy to its certificate, and act as the device against the lab broker, which enforces the
 * policy and explains each refusal. In the in-page lab the page itself is the device, over the
 * modelled mutual TLS handshake; with the lab server the device is a native client over real
 * mutual TLS, and the page follows the broker's events.
 */
export default function PolicyExercise() {
  const hydrated = useHydrated();
  const choice = useBrokerChoice();
  const target = choice?.current ?? null;
  const lab: ExerciseLab | null =
    target?.kind === 'in-page' || target?.kind === 'lab-server' ? target.kind : null;
  const registry = useLabRegistry(lab ? target : null);
  const connection = useMemo(() => (target && lab ? connectionFor(target) : null), [target, lab]);

  const [device, setDevice] = useState<ExerciseDevice | null>(null);
  const [deviceProblem, setDeviceProblem] = useState<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [policyText, setPolicyText] = useState(DEVICE_POLICY);
  const check = useMemo(() => checkPolicyText(policyText), [policyText]);
  const [attached, setAttached] = useState<AttachedVersion | null>(null);
  const [attachProblem, setAttachProblem] = useState<string | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [session, setSession] = useState<MqttSession | null>(null);
  const nextId = useRef(0);

  const note = (kind: LogEntry['kind'], text: string, refusal?: Refusal) =>
    setLog((entries) => [
      { id: nextId.current++, time: new Date(), kind, text, ...(refusal && { refusal }) },
      ...entries.slice(0, 49),
    ]);

  // The device belongs to one lab; picking the other lab shows that lab's device, if any.
  useEffect(() => {
    setAttached(null);
    setAttachProblem(null);
    setDeviceProblem(null);
    const found = lab ? savedDevice(lab) : null;
    setDevice(found);
    if (!found || !registry) return;
    void checkDevice(registry, found)
      .then(setDeviceProblem)
      .catch((error: Error) => setDeviceProblem(error.message));
  }, [lab, registry]);

  async function makeDevice() {
    if (!registry || !lab) return;
    setWorking('device');
    setDeviceProblem(null);
    try {
      const made = await createDevice(registry, lab);
      setDevice(made);
      setAttached(null);
      note('done', `Made thing ${made.thingName} with an ACTIVE certificate attached to it.`);
    } catch (error) {
      setDeviceProblem(`Could not make the device: ${(error as Error).message}`);
    } finally {
      setWorking(null);
    }
  }

  async function attach() {
    if (!registry || !device) return;
    setWorking('policy');
    setAttachProblem(null);
    try {
      const result = await attachExercisePolicy(registry, device, policyText);
      setAttached(result);
      note(
        'done',
        `Policy ${result.policyName} version ${result.versionId} is in force` +
          (result.newlyAttached ? ', newly attached to the certificate.' : '.') +
          ' The lab applies it to the next request at once (AWS IoT can take minutes).',
      );
    } catch (error) {
      setAttachProblem((error as Error).message);
    } finally {
      setWorking(null);
    }
  }

  const ready = hydrated && choice !== null;
  return (
    <div
      class="hs-widget hs-policy-exercise not-content"
      role="group"
      aria-label="Policy exercise"
      data-ready={ready ? 'true' : 'false'}
    >
      <BrokerBar choice={choice} busy={session !== null} />
      {!ready ? (
        <p class="hs-note">Loading the exercise…</p>
      ) : !lab ? (
        <p class="hs-note" role="status">
          {target?.label ?? 'This broker'} has no registry and enforces no AWS IoT policy. Pick the
          in-page lab or the lab server above to do this exercise.
        </p>
      ) : !registry ? (
        <p class="hs-note">Opening the lab registry…</p>
      ) : (
        <>
          <section class="hs-exercise-step" aria-label="Step 1: the device">
            <h4>1. The device</h4>
            {device ? (
              <p>
                Thing <code data-testid="thing-name">{device.thingName}</code>, certificate{' '}
                <code title={device.certificateId}>{device.certificateId.slice(0, 12)}…</code>{' '}
                (ACTIVE, attached to the thing).{' '}
                <button
                  type="button"
                  class="hs-button hs-button--quiet"
                  disabled={session !== null || working !== null}
                  onClick={() => {
                    forgetDevice(lab);
                    setDevice(null);
                    setAttached(null);
                  }}
                >
                  Forget it
                </button>
              </p>
            ) : (
              <p>
                A thing named after the device, a certificate the lab makes and sets ACTIVE, and the
                certificate attached to the thing, as the AWS IoT console's "Create a thing" does.{' '}
                <button
                  type="button"
                  class="hs-button"
                  disabled={working !== null}
                  onClick={() => void makeDevice()}
                >
                  {working === 'device' ? 'Making…' : 'Make my device'}
                </button>
              </p>
            )}
            {deviceProblem && (
              <p class="hs-error" role="alert">
                {deviceProblem}
              </p>
            )}
          </section>

          <section class="hs-exercise-step" aria-label="Step 2: the policy">
            <h4>2. The policy on its certificate</h4>
            <PolicyField
              label="Policy for the device"
              value={policyText}
              onInput={setPolicyText}
              check={check}
              rows={14}
            >
              <button
                type="button"
                class="hs-button"
                disabled={!device || working !== null || check.errors > 0}
                onClick={() => void attach()}
              >
                {working === 'policy' ? 'Attaching…' : 'Attach to my certificate'}
              </button>
            </PolicyField>
            {!device && (
              <p class="hs-note">Make the device first: the policy goes on its certificate.</p>
            )}
            {attached && (
              <p class="hs-note" role="status" data-testid="attached">
                In force: <code>{attached.policyName}</code> version {attached.versionId}.
              </p>
            )}
            {attachProblem && (
              <p class="hs-error" role="alert">
                {attachProblem}
              </p>
            )}
          </section>

          <section class="hs-exercise-step" aria-label="Step 3: act as the device">
            <h4>3. Act as the device</h4>
            {!device ? (
              <p class="hs-note">The device's actions appear here once it exists.</p>
            ) : lab === 'in-page' && connection ? (
              <DeviceConsole
                connection={connection}
                device={device}
                session={session}
                onSession={setSession}
                note={note}
              />
            ) : target ? (
              <NativeDevice origin={httpOrigin(target.url)} device={device} note={note} />
            ) : null}
          </section>

          <section class="hs-exercise-log" aria-label="What the broker did">
            <h4>What the broker did</h4>
            {log.length === 0 ? (
              <p class="hs-note">Nothing yet.</p>
            ) : (
              <ol class="hs-exercise-log__entries" aria-live="polite">
                {log.map((entry) => (
                  <li key={entry.id} class={`hs-exercise-log__entry--${entry.kind}`}>
                    <span class="hs-exercise-log__time">{clockTime(entry.time)}</span>{' '}
                    <span class="hs-exercise-log__text">{entry.text}</span>
                    {entry.refusal && <RefusalView refusal={entry.refusal} />}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </div>
  );
}

type Note = (kind: LogEntry['kind'], text: string, refusal?: Refusal) => void;

interface DeviceProps {
  connection: Connection;
  device: ExerciseDevice;
  session: MqttSession | null;
  onSession: (session: MqttSession | null) => void;
  note: Note;
}

/** The page as the device: connect over the modelled mutual TLS, publish, subscribe. */
function DeviceConsole({ connection, device, session, onSession, note }: DeviceProps) {
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

interface NativeProps {
  origin: string;
  device: ExerciseDevice;
  note: Note;
}

/** With the lab server: a native client is the device; the page follows the broker's events. */
function NativeDevice({ origin, device, note }: NativeProps) {
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

/**
 * The registry of the picked lab, loaded on first use: the registry code (and the PKI it makes
 * certificates with) stays out of the page until the exercise has hydrated.
 */
function useLabRegistry(target: BrokerTarget | null): LabRegistry | null {
  const [registry, setRegistry] = useState<LabRegistry | null>(null);
  useEffect(() => {
    setRegistry(null);
    if (!target) return;
    let live = true;
    void import('../../browser/registry/registry-for.ts').then(({ registryFor }) => {
      if (live) setRegistry(registryFor(target));
    });
    return () => {
      live = false;
    };
  }, [target]);
  return registry;
}
