import { useState } from 'preact/hooks';
import type { Verdict } from '../../core/tls/connection-doctor.ts';
import type { HandshakeReport } from '../../core/tls/handshake-report.ts';
import { useHydrated } from '../use-hydrated.ts';
import BrokerBar from '../broker/BrokerBar.tsx';
import ActionError from '../pki/ActionError.tsx';
import { rememberLabCertificate, useIdentities } from '../pki/identity-store.ts';
import { registryTarget, useRegistry } from '../pki/use-registry.ts';
import { useBrokerChoice } from '../broker/use-broker.ts';
import { describeError } from '../pki/workshop-actions.ts';
import ReportView from './ReportView.tsx';
import { deviceChoices } from './device-choices.ts';
import { loadTls } from './load-tls.ts';
import '../widgets.css';

type Result = { report: HandshakeReport; verdict: Verdict | null };

/**
 * A mutual TLS handshake with the learner's own device certificate against the lab they picked,
 * message by message: the in-page lab's model, or the lab server's real TLS.
 */
export default function HandshakeIllustration() {
  const hydrated = useHydrated();
  const registry = useRegistry();
  const choice = useBrokerChoice();
  const made = useIdentities();
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState<'making' | 'running' | 'registering' | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [registered, setRegistered] = useState<string | null>(null);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);

  const ready = registry.status === 'ready' ? registry : null;
  const choices = ready ? deviceChoices(made, ready.lab) : [];
  const device = choices.find((c) => c.id === chosen) ?? choices[0];

  async function makeDevice() {
    if (!ready) return;
    setBusy('making');
    setError(null);
    try {
      const created = await ready.registry.createKeysAndCertificate({
        commonName: 'greenhouse-sensor-1',
        algorithm: 'P-256',
        setAsActive: true,
      });
      const ca = await ready.registry.labCa();
      rememberLabCertificate({
        certificateId: created.certificate.certificateId,
        origin: 'create-keys-and-certificate',
        certificatePem: created.certificate.pem,
        caPem: ca.pem,
        privateKeyPem: created.privateKeyPem,
        lab: ready.lab,
        status: created.certificate.status,
      });
      setChosen(created.certificate.certificateId);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(null);
    }
  }

  async function registerOwn() {
    if (!ready || !made.ca || !made.device) return;
    setBusy('registering');
    setError(null);
    try {
      const { registerOwnDevice } = await import('./register-own-device.ts');
      await registerOwnDevice(ready.registry, made.ca.certificatePem, made.device.certificatePem);
      setRegistered(ready.lab);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(null);
    }
  }

  async function run() {
    if (!ready || !device) return;
    setBusy('running');
    setError(null);
    setResult(null);
    try {
      const tls = await loadTls();
      const report = await tls.runAttempt(
        { kind: ready.lab, url: choice ? registryTarget(choice).target.url : '' },
        { certificatePem: device.certificatePem, privateKeyPem: device.privateKeyPem },
      );
      setResult({ report, verdict: tls.diagnose(report) });
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div
      class="hs-widget hs-tls-illustration not-content"
      role="group"
      aria-label="Handshake illustration"
      data-ready={hydrated && ready ? 'true' : 'false'}
      data-lab={ready?.lab}
    >
      <BrokerBar choice={choice} busy={busy !== null} />
      {registry.status === 'unavailable' && (
        <ActionError error={{ title: 'The lab is not available', message: registry.reason }} />
      )}
      {ready && (
        <p class="hs-note">
          Against: <strong>{ready.label}</strong>
          {ready.lab === 'in-page'
            ? ', modelled in this page (a page cannot make a real TLS connection with a client certificate).'
            : ', with a real TLS connection to its mutual TLS port.'}
          {ready.note && <> {ready.note}</>}
        </p>
      )}
      {ready && !device && (
        <div class="hs-pki-kit__empty">
          <p class="hs-note">
            You have no device certificate with its key in this lab yet. Make one in the certificate
            workshop, or let this button have the lab make one (ACTIVE, P-256, CN
            greenhouse-sensor-1), as AWS IoT's CreateKeysAndCertificate does.
          </p>
          <button
            type="button"
            class="hs-button hs-button--primary"
            disabled={busy !== null}
            onClick={() => void makeDevice()}
          >
            {busy === 'making' ? 'Making…' : 'Make a device certificate now'}
          </button>
        </div>
      )}
      {device && (
        <div class="hs-row">
          {choices.length > 1 && (
            <label class="hs-field">
              <span>Device certificate</span>
              <select value={device.id} onChange={(e) => setChosen(e.currentTarget.value)}>
                {choices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            class="hs-button hs-button--primary"
            disabled={busy !== null}
            onClick={() => void run()}
          >
            {busy === 'running' ? 'Running the handshake…' : 'Run the handshake'}
          </button>
        </div>
      )}
      {device?.ownCa && ready && (
        <div class="hs-row hs-tls-own-ca">
          <p class="hs-note">
            {registered === ready.lab
              ? `Your CA and this certificate are registered ACTIVE in the ${ready.label.toLowerCase()}.`
              : 'This certificate was signed by your own CA: the broker accepts it only once that CA and the certificate are registered in this lab and ACTIVE. Run it first to see the refusal, then register them.'}
          </p>
          <button
            type="button"
            class="hs-button"
            disabled={busy !== null || registered === ready.lab}
            onClick={() => void registerOwn()}
          >
            {busy === 'registering' ? 'Registering…' : 'Register your CA and certificate'}
          </button>
        </div>
      )}
      <ActionError error={error} />
      {result?.verdict?.layer === 'mqtt' && (
        <p class="hs-note hs-tls-policy-hint">
          TLS is done: the broker knows which device this is. What the device may do, connecting
          included, is decided by the policies attached to its certificate; attach one that allows{' '}
          <code>iot:Connect</code> (the <a href="../policies/">AWS IoT policies lesson</a>) and run
          the handshake again.
        </p>
      )}
      {result && <ReportView report={result.report} verdict={result.verdict} />}
    </div>
  );
}
