import { useEffect, useState } from 'preact/hooks';
import type {
  CertificateRegistry,
  CertificateStatus,
} from '../../core/lab/certificate-registry.ts';
import ActionError from './ActionError.tsx';
import CertificateView from './CertificateView.tsx';
import {
  rememberLabCertificate,
  updateIdentities,
  type Identities,
  type LabCertificate,
} from './identity-store.ts';
import { changeStatus, findCertificate } from './lab-flows.ts';
import type { Pki } from './load-pki.ts';
import StatusControls from './StatusControls.tsx';
import { useCertificate } from './use-certificate.ts';
import type { LabKind } from './use-registry.ts';
import { describeError } from './workshop-actions.ts';

interface Props {
  pki: Pki;
  registry: CertificateRegistry;
  lab: LabKind;
  made: Identities;
}

const ORIGIN_WORDS = {
  'create-keys-and-certificate': 'keys and certificate made by the lab',
  'create-certificate-from-csr': 'made from your CSR',
  'register-certificate': 'signed by your CA, registered',
} as const;

/** The certificates this browser made in the lab, with their current status from the registry. */
export default function LabCertificateList({ pki, registry, lab, made }: Props) {
  const mine = made.lab.filter((c) => c.lab === lab);
  const [gone, setGone] = useState<string[]>([]);

  // The lab may have been reset, or a status changed from the terminal: ask it again on load.
  useEffect(() => {
    let live = true;
    void Promise.all(
      mine.map(async (c) => {
        const record = await findCertificate(registry, c.certificateId).catch(() => undefined);
        if (!live || record === undefined) return;
        if (record === null) setGone((g) => [...g, c.certificateId]);
        else if (record.status !== c.status)
          rememberLabCertificate({ ...c, status: record.status });
      }),
    );
    return () => {
      live = false;
    };
  }, [registry]);

  if (mine.length === 0) return null;
  return (
    <div class="hs-pki-lab-list">
      <h4>Your certificates in the lab</h4>
      <ul aria-label="Your certificates in the lab">
        {mine.map((c) => (
          <LabItem
            key={c.certificateId}
            pki={pki}
            registry={registry}
            certificate={c}
            gone={gone.includes(c.certificateId)}
          />
        ))}
      </ul>
    </div>
  );
}

function LabItem({
  pki,
  registry,
  certificate,
  gone,
}: {
  pki: Pki;
  registry: CertificateRegistry;
  certificate: LabCertificate;
  gone: boolean;
}) {
  const read = useCertificate(pki, certificate.certificatePem);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const name = read.certificate?.subject.text ?? certificate.certificateId.slice(0, 12);

  async function update(status: CertificateStatus) {
    setBusy(true);
    setError(null);
    try {
      rememberLabCertificate(await changeStatus(registry, certificate, status));
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  const forget = () =>
    updateIdentities((before) => ({
      ...before,
      lab: before.lab.filter((c) => c.certificateId !== certificate.certificateId),
    }));

  return (
    <li
      class="hs-pki-lab-item"
      aria-label={`Lab certificate ${name}`}
      data-certificate-id={certificate.certificateId}
    >
      <p class="hs-pki-lab-item__head">
        <code>{name}</code> <span class="hs-badge">{ORIGIN_WORDS[certificate.origin]}</span>
      </p>
      <p class="hs-note">
        Certificate ID <code>{certificate.certificateId}</code>
      </p>
      {gone ? (
        <div class="hs-warning">
          <p>The lab no longer has this certificate: it was deleted, or the lab was reset.</p>
          <button type="button" class="hs-button" onClick={forget}>
            Remove it from this list
          </button>
        </div>
      ) : (
        <StatusControls status={certificate.status} onChange={update} busy={busy} />
      )}
      <ActionError error={error} kept="The certificate's status is unchanged." />
      {read.certificate && (
        <details>
          <summary>Show the certificate</summary>
          <CertificateView certificate={read.certificate} label="Lab certificate" />
        </details>
      )}
    </li>
  );
}
