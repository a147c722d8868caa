import { useState } from 'preact/hooks';
import type { CreatedKeysAndCertificate } from '../../core/lab/certificate-registry.ts';
import ActionError from './ActionError.tsx';
import AlgorithmSelect from './AlgorithmSelect.tsx';
import {
  rememberLabCertificate,
  type Identities,
  type WorkshopAlgorithm,
} from './identity-store.ts';
import { createFromCsr, createKeysAndCertificate, registerOwn } from './lab-flows.ts';
import LabCertificateList from './LabCertificateList.tsx';
import type { Pki } from './load-pki.ts';
import OnceKey from './OnceKey.tsx';
import SubjectFields from './SubjectFields.tsx';
import { subjectReady, typedName, type SubjectValues } from './subject-input.ts';
import { useRegistry } from './use-registry.ts';
import { describeError } from './workshop-actions.ts';

interface Props {
  pki: Pki | null;
  made: Identities;
  /** The heading's step number in the workshop. */
  step: number;
}

type Flow = 'keys' | 'csr' | 'own';
type Problem = { flow: Flow; title: string; message: string };

/** Step 3: certificates issued or registered by the lab, as AWS IoT does it, with statuses. */
export default function RegistryFlows({ pki, made, step }: Props) {
  const registry = useRegistry();
  const [busy, setBusy] = useState<Flow | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [commonName, setCommonName] = useState('greenhouse-sensor-2');
  const [keysAlgorithm, setKeysAlgorithm] = useState<WorkshopAlgorithm>('P-256');
  const [csrSubject, setCsrSubject] = useState<SubjectValues>({
    CN: 'greenhouse-sensor-3',
    O: 'Greenhouse Co',
  });
  const [csrAlgorithm, setCsrAlgorithm] = useState<WorkshopAlgorithm>('P-256');
  const [setAsActive, setSetAsActive] = useState(false);
  const [created, setCreated] = useState<CreatedKeysAndCertificate | null>(null);
  const [csrPem, setCsrPem] = useState('');
  const [notice, setNotice] = useState('');

  const ready = registry.status === 'ready' ? registry : null;

  async function run(flow: Flow, work: () => Promise<string>) {
    setBusy(flow);
    setProblem(null);
    setNotice('');
    try {
      setNotice(await work());
    } catch (error) {
      setProblem({ flow, ...describeError(error) });
    } finally {
      setBusy(null);
    }
  }

  const keysFlow = () =>
    run('keys', async () => {
      if (!ready) return '';
      if (commonName.trim() === '') throw new Error('Give the thing name the certificate is for.');
      setCreated(null);
      const result = await createKeysAndCertificate(ready.registry, {
        commonName,
        algorithm: keysAlgorithm,
        setAsActive,
        lab: ready.lab,
      });
      setCreated(result.created);
      rememberLabCertificate(result.remembered);
      return `The lab made a key pair and a certificate (${result.created.certificate.status}).`;
    });

  const csrFlow = () =>
    run('csr', async () => {
      if (!ready || !pki) return '';
      const check = subjectReady(pki, csrSubject);
      if (!check.ok) throw new Error(check.reason);
      setCsrPem('');
      const result = await createFromCsr(pki, ready.registry, {
        subject: typedName(csrSubject),
        algorithm: csrAlgorithm,
        setAsActive,
        lab: ready.lab,
        onCsr: setCsrPem,
      });
      rememberLabCertificate(result.remembered);
      return `The lab signed your CSR (${result.record.status}). The private key stayed in this browser.`;
    });

  const ownFlow = () =>
    run('own', async () => {
      if (!ready || !pki || !made.ca || !made.device) return '';
      const result = await registerOwn(pki, ready.registry, {
        ca: made.ca,
        device: made.device,
        lab: ready.lab,
      });
      rememberLabCertificate(result.remembered);
      return `${result.caWasNew ? 'Your CA is now registered with the lab, and ' : 'Your CA was already registered; '}the device certificate is in the registry (${result.record.status}).`;
    });

  const error = (flow: Flow) => (problem?.flow === flow ? problem : null);
  const disabled = !ready || !pki || busy !== null;

  return (
    <section class="hs-pki-step" aria-label={`Step ${step}: the lab issues it, as AWS IoT does`}>
      <h3>{step}. The lab issues it, as AWS IoT does</h3>
      <LabLine state={registry} />
      <label class="hs-check">
        <input
          type="checkbox"
          checked={setAsActive}
          onChange={(e) => setSetAsActive(e.currentTarget.checked)}
        />
        <span class="hs-pki-active-check">
          Set as active at once (<code>--set-as-active</code>); otherwise it starts INACTIVE
        </span>
      </label>
      <div class="hs-pki-flows">
        <form
          class="hs-pki-flow"
          aria-label="Create keys and certificate"
          onSubmit={(e) => {
            e.preventDefault();
            void keysFlow();
          }}
        >
          <h4>Create keys and certificate</h4>
          <p class="hs-note">
            The lab makes the key pair, signs the certificate with its CA, and hands you the private
            key once.
          </p>
          <label class="hs-field">
            <span>commonName (CN)</span>
            <input
              value={commonName}
              onInput={(e) => setCommonName(e.currentTarget.value)}
              spellcheck={false}
            />
          </label>
          <AlgorithmSelect label="Key" value={keysAlgorithm} onChange={setKeysAlgorithm} />
          <button type="submit" class="hs-button hs-button--primary" disabled={disabled}>
            {busy === 'keys' ? 'Creating…' : 'Create keys and certificate'}
          </button>
          <ActionError
            error={error('keys')}
            kept="Nothing was made; the box keeps what you typed."
          />
          {created && (
            <OnceKey
              privateKeyPem={created.privateKeyPem}
              certificatePem={created.certificate.pem}
            />
          )}
        </form>

        <form
          class="hs-pki-flow"
          aria-label="Create certificate from CSR"
          onSubmit={(e) => {
            e.preventDefault();
            void csrFlow();
          }}
        >
          <h4>Create certificate from CSR</h4>
          <p class="hs-note">
            This browser makes the key pair and a CSR signed with it. Only the CSR goes to the lab.
          </p>
          <SubjectFields
            idPrefix="csr"
            fields={['CN', 'O', 'C']}
            pki={pki}
            values={csrSubject}
            onChange={setCsrSubject}
          />
          <AlgorithmSelect label="Key" value={csrAlgorithm} onChange={setCsrAlgorithm} />
          <button type="submit" class="hs-button hs-button--primary" disabled={disabled}>
            {busy === 'csr' ? 'Sending the CSR…' : 'Create certificate from CSR'}
          </button>
          <ActionError error={error('csr')} kept="The boxes keep what you typed." />
          {csrPem && (
            <details class="hs-pki-csr">
              <summary>The CSR that was sent (the key was not)</summary>
              <pre class="hs-pki-pem" aria-label="CSR (PEM)">
                {csrPem}
              </pre>
            </details>
          )}
        </form>
      </div>

      {made.ca && made.device && (
        <div class="hs-pki-flow">
          <h4>Register your own CA and its device certificate</h4>
          <p class="hs-note">
            The lab learns to trust your CA (RegisterCACertificate), then records the device
            certificate it signed (RegisterCertificate), INACTIVE until you activate it.
          </p>
          <button
            type="button"
            class="hs-button"
            disabled={disabled}
            onClick={() => void ownFlow()}
          >
            {busy === 'own' ? 'Registering…' : 'Register my CA and device certificate'}
          </button>
          <ActionError error={error('own')} kept="Your CA and device certificate are unchanged." />
        </div>
      )}
      <p class="hs-pki-notice" role="status">
        {notice}
      </p>
      {ready && pki && (
        <LabCertificateList pki={pki} registry={ready.registry} lab={ready.lab} made={made} />
      )}
    </section>
  );
}

function LabLine({ state }: { state: ReturnType<typeof useRegistry> }) {
  if (state.status === 'waiting') return <p class="hs-note">Looking for the lab…</p>;
  if (state.status === 'unavailable') {
    return (
      <ActionError
        error={{ title: 'The lab’s registry is not reachable', message: state.reason }}
      />
    );
  }
  return (
    <p class="hs-note" data-lab={state.lab}>
      Certificates are made in the <strong>{state.label}</strong>
      {state.lab === 'in-page'
        ? ', whose registry lives in this browser.'
        : ', which keeps them in its data folder.'}{' '}
      {state.note}
    </p>
  );
}
