import { useMemo, useState } from 'preact/hooks';
import ActionError from './ActionError.tsx';
import AlgorithmSelect from './AlgorithmSelect.tsx';
import CertificateView from './CertificateView.tsx';
import Downloads, { type DownloadFile } from './Downloads.tsx';
import { updateIdentities, type Identities } from './identity-store.ts';
import type { Pki } from './load-pki.ts';
import Pkcs12Export from './Pkcs12Export.tsx';
import SubjectFields from './SubjectFields.tsx';
import { subjectReady, typedName } from './subject-input.ts';
import { useCertificate } from './use-certificate.ts';
import { describeError, issueDevice, makeCa } from './workshop-actions.ts';
import type { WorkshopInput } from './workshop-input.ts';

interface Props {
  pki: Pki | null;
  input: WorkshopInput;
  setInput: (input: WorkshopInput) => void;
  made: Identities;
}

type Step = 'ca' | 'device';
type Problem = { step: Step; title: string; message: string };

const STORAGE_NOTE =
  'This browser could not save it (storage is off or full): it is here until you close the page. Download the files now.';

/** Steps 1 and 2: a root CA of your own, and a device certificate it signs. */
export default function OwnCaSteps({ pki, input, setInput, made }: Props) {
  const [busy, setBusy] = useState<Step | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState('');
  const ca = useCertificate(pki, made.ca?.certificatePem);
  const device = useCertificate(pki, made.device?.certificatePem);

  async function run(step: Step, work: (pki: Pki) => Promise<string>) {
    if (!pki) return;
    const subject = step === 'ca' ? input.caSubject : input.deviceSubject;
    const ready = subjectReady(pki, subject);
    if (!ready.ok)
      return setProblem({ step, title: 'The name is not ready', message: ready.reason });

    setBusy(step);
    setProblem(null);
    setNotice('');
    try {
      setNotice(await work(pki));
    } catch (error) {
      setProblem({ step, ...describeError(error) });
    } finally {
      setBusy(null);
    }
  }

  const createCa = () =>
    run('ca', async (pki) => {
      const saved = await makeCa(pki, input.caAlgorithm, typedName(input.caSubject));
      const hadDevice = Boolean(made.device);
      const stored = updateIdentities(({ device: _old, ...rest }) => ({ ...rest, ca: saved }));
      return [
        'CA created.',
        hadDevice
          ? 'The old device certificate was signed by the old CA, so it was removed: issue a new one.'
          : '',
        stored ? '' : STORAGE_NOTE,
      ]
        .join(' ')
        .trim();
    });

  const createDevice = () =>
    run('device', async (pki) => {
      if (!made.ca) throw new Error('Create the CA first: it signs the device certificate.');
      const saved = await issueDevice(
        pki,
        made.ca,
        input.deviceAlgorithm,
        typedName(input.deviceSubject),
      );
      const stored = updateIdentities((before) => ({ ...before, device: saved }));
      return `Device certificate issued.${stored ? '' : ` ${STORAGE_NOTE}`}`;
    });

  const deviceFiles = useMemo<DownloadFile[]>(() => {
    if (!made.device || !device.certificate) return [];
    return [
      { name: 'device.crt', label: 'the certificate, PEM', content: made.device.certificatePem },
      {
        name: 'device.der',
        label: 'the same certificate, DER',
        content: device.certificate.der,
        type: 'application/pkix-cert',
      },
      {
        name: 'device.key',
        label: 'the private key, PKCS #8 PEM: keep it secret',
        content: made.device.privateKeyPem,
        secret: true,
      },
    ];
  }, [made.device, device.certificate]);

  const error = (step: Step) => (problem?.step === step ? problem : null);
  const kept = 'What you typed is kept; nothing you made before was changed.';

  return (
    <>
      <section class="hs-pki-step" aria-label="Step 1: your own CA">
        <h3>1. Your own CA</h3>
        <p class="hs-note">
          A root CA signs its own certificate. Its key signs your device certificates; AWS IoT would
          trust them once you register this CA certificate.
        </p>
        <SubjectFields
          idPrefix="ca"
          fields={['CN', 'O', 'C']}
          pki={pki}
          values={input.caSubject}
          onChange={(caSubject) => setInput({ ...input, caSubject })}
        />
        <div class="hs-row">
          <AlgorithmSelect
            label="CA key"
            value={input.caAlgorithm}
            onChange={(caAlgorithm) => setInput({ ...input, caAlgorithm })}
          />
          <button
            type="button"
            class="hs-button hs-button--primary"
            disabled={!pki || busy !== null}
            onClick={createCa}
          >
            {busy === 'ca' ? 'Creating CA…' : made.ca ? 'Create a new CA' : 'Create CA'}
          </button>
        </div>
        <ActionError error={error('ca')} kept={kept} />
        {ca.error && (
          <ActionError
            error={{ title: 'The saved CA is damaged', message: `${ca.error} Create a new CA.` }}
          />
        )}
        {ca.certificate && (
          <details class="hs-pki-made" open>
            <summary>
              <strong>Your CA certificate</strong> <code>{ca.certificate.subject.text}</code>
            </summary>
            <CertificateView certificate={ca.certificate} label="CA certificate" />
          </details>
        )}
      </section>

      <section class="hs-pki-step" aria-label="Step 2: a device certificate">
        <h3>2. A device certificate, signed by your CA</h3>
        <p class="hs-note">
          The browser makes a new key pair for the device; the CA signs its public key and name. The
          private key never leaves this page.
        </p>
        <SubjectFields
          idPrefix="device"
          pki={pki}
          values={input.deviceSubject}
          onChange={(deviceSubject) => setInput({ ...input, deviceSubject })}
        />
        <div class="hs-row">
          <AlgorithmSelect
            label="Device key"
            value={input.deviceAlgorithm}
            onChange={(deviceAlgorithm) => setInput({ ...input, deviceAlgorithm })}
          />
          <button
            type="button"
            class="hs-button hs-button--primary"
            disabled={!pki || busy !== null || !made.ca}
            onClick={createDevice}
          >
            {busy === 'device' ? 'Issuing…' : 'Issue device certificate'}
          </button>
        </div>
        {!made.ca && <p class="hs-note">Create the CA first: it signs the device certificate.</p>}
        <ActionError error={error('device')} kept={kept} />
        {device.error && (
          <ActionError
            error={{
              title: 'The saved device certificate is damaged',
              message: `${device.error} Issue a new one.`,
            }}
          />
        )}
        {device.certificate && made.device && pki && (
          <div class="hs-pki-made">
            <h4>Your device certificate</h4>
            <CertificateView certificate={device.certificate} label="Device certificate">
              <Downloads files={deviceFiles} label="Device certificate downloads" />
              {made.ca && (
                <Pkcs12Export
                  pki={pki}
                  device={made.device}
                  caPem={made.ca.certificatePem}
                  friendlyName={device.certificate.subject.text}
                />
              )}
            </CertificateView>
          </div>
        )}
      </section>
      <p class="hs-pki-notice" role="status">
        {notice}
      </p>
    </>
  );
}
