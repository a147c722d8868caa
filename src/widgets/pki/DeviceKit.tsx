import { useEffect, useMemo, useState } from 'preact/hooks';
import { useHydrated } from '../use-hydrated.ts';
import ActionError from './ActionError.tsx';
import Downloads, { type DownloadFile } from './Downloads.tsx';
import { kitSources, readmeText, type KitSource } from './device-kit.ts';
import { updateIdentities, useIdentities } from './identity-store.ts';
import { usePki, type Pki } from './load-pki.ts';
import { useCertificate } from './use-certificate.ts';
import { useFingerprints } from './use-fingerprints.ts';
import { describeError, issueDevice, makeCa } from './workshop-actions.ts';
import { DEFAULT_INPUT } from './workshop-input.ts';
import '../widgets.css';

/**
 * Everything a device needs to connect, as separate downloads made in the page: the device
 * certificate, its private key, the CA certificate, and a README.txt with the commands.
 */
export default function DeviceKit() {
  const hydrated = useHydrated();
  const { pki, error: loadError } = usePki();
  const made = useIdentities();
  const sources = kitSources(made);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const source = sources.find((s) => s.id === chosen) ?? sources[0];

  async function makeNow() {
    if (!pki) return;
    setBusy(true);
    setError(null);
    try {
      const ca = await makeCa(pki, DEFAULT_INPUT.caAlgorithm, DEFAULT_INPUT.caSubject);
      const device = await issueDevice(
        pki,
        ca,
        DEFAULT_INPUT.deviceAlgorithm,
        DEFAULT_INPUT.deviceSubject,
      );
      updateIdentities((before) => ({ ...before, ca, device }));
      setChosen('own-ca');
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      class="hs-widget hs-pki-kit not-content"
      role="group"
      aria-label="Device kit"
      data-ready={hydrated && pki ? 'true' : 'false'}
    >
      {loadError && (
        <ActionError error={{ title: 'The certificate tools did not load', message: loadError }} />
      )}
      {!source ? (
        <div class="hs-pki-kit__empty">
          <p class="hs-note">
            Nothing to pack yet: make a CA and a device certificate in the certificate workshop, or
            let this button make both with the workshop's default names.
          </p>
          <button
            type="button"
            class="hs-button hs-button--primary"
            disabled={!pki || busy}
            onClick={() => void makeNow()}
          >
            {busy ? 'Making…' : 'Make a CA and a device certificate now'}
          </button>
        </div>
      ) : (
        <>
          {sources.length > 1 && (
            <label class="hs-field">
              <span>Which device certificate</span>
              <select value={source.id} onChange={(e) => setChosen(e.currentTarget.value)}>
                {sources.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {pki && <KitFiles pki={pki} source={source} />}
        </>
      )}
      <ActionError error={error} />
    </div>
  );
}

function KitFiles({ pki, source }: { pki: Pki; source: KitSource }) {
  const { certificate, error } = useCertificate(pki, source.certificatePem);
  const fingerprints = useFingerprints(certificate);
  const readme = useMemo(() => {
    if (!certificate) return '';
    const cn = certificate.subject.rdns.flat().find((a) => a.short === 'CN')?.value ?? 'device';
    return readmeText({
      subject: certificate.subject.text,
      issuer: certificate.issuer.text,
      commonName: cn,
      certificateId: fingerprints?.certificateId ?? '(hashing…)',
      notAfter: certificate.validity.notAfter.toISOString().replace('.000Z', 'Z'),
      signer: source.signer,
    });
  }, [certificate, fingerprints, source.signer]);

  const files = useMemo<DownloadFile[]>(
    () => [
      { name: 'device.crt', label: 'device certificate (PEM)', content: source.certificatePem },
      ...(source.privateKeyPem
        ? [
            {
              name: 'device.key',
              label: 'private key (PEM): keep it secret',
              content: source.privateKeyPem,
              secret: true,
            },
          ]
        : []),
      { name: 'ca.pem', label: 'certificate of the CA that signed it', content: source.caPem },
      { name: 'README.txt', label: 'what each file is, and the commands', content: readme },
    ],
    [source, readme],
  );
  const [shown, setShown] = useState(false);
  useEffect(() => setShown(false), [source.id]);

  if (error)
    return <ActionError error={{ title: 'This certificate cannot be read', message: error }} />;
  return (
    <>
      {!source.privateKeyPem && (
        <p class="hs-warning">
          The lab made this certificate's key and showed it only once, so this browser does not have
          it: the kit has no device.key. Use the key you saved then, or make a new certificate.
        </p>
      )}
      {source.status && source.status !== 'ACTIVE' && (
        <p class="hs-warning">
          This certificate is {source.status} in the lab's registry, so the lab will refuse it at
          connect. {source.status === 'REVOKED' ? 'Make a new one' : 'Activate it in the workshop'}{' '}
          before the device uses it.
        </p>
      )}
      <Downloads files={files} label="Device kit files" />
      <details open={shown} onToggle={(e) => setShown(e.currentTarget.open)}>
        <summary>Read README.txt here</summary>
        <pre class="hs-pki-readme">{readme}</pre>
      </details>
    </>
  );
}
