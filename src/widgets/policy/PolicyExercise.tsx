import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { connectionFor } from '../../browser/connection/broker-choice.ts';
import { httpOrigin } from '../../browser/connection/http-origin.ts';
import type { BrokerTarget, MqttSession } from '../../browser/connection/connection.ts';
import type { LabRegistry } from '../../core/lab/iot-registry.ts';
import type { PolicyInForce } from '../../core/lab/policy-in-force.ts';
import type { Refusal } from '../../core/lab/lab-event.ts';
import BrokerBar from '../broker/BrokerBar.tsx';
import { useBrokerChoice } from '../broker/use-broker.ts';
import { clockTime } from '../mqtt/clock-time.ts';
import { useHydrated } from '../use-hydrated.ts';
import { DEVICE_POLICY } from './example-policies.ts';
import {
  attachExercisePolicy,
  checkDevice,
  createDevice,
  forgetDevice,
  savedDevice,
  type ExerciseDevice,
  type ExerciseLab,
} from './exercise-device.ts';
import ExerciseDeviceConsole from './ExerciseDeviceConsole.tsx';
import type { LogEntry } from './exercise-log.ts';
import ExerciseNativeDevice from './ExerciseNativeDevice.tsx';
import PolicyField from './PolicyField.tsx';
import { checkPolicyText } from './policy-text.ts';
import RefusalView from './RefusalView.tsx';
import '../widgets.css';

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
  const [attached, setAttached] = useState<PolicyInForce | null>(null);
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
              <ExerciseDeviceConsole
                connection={connection}
                device={device}
                session={session}
                onSession={setSession}
                note={note}
              />
            ) : target ? (
              <ExerciseNativeDevice origin={httpOrigin(target.url)} device={device} note={note} />
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
