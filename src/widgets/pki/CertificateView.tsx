import type { ComponentChildren } from 'preact';
import type { Certificate } from '../../core/pki/index.ts';
import CertificateSummary from './CertificateSummary.tsx';
import FieldTree from './FieldTree.tsx';
import { useFingerprints } from './use-fingerprints.ts';

interface Props {
  certificate: Certificate;
  /** e.g. "Device certificate"; names the summary and the tree for screen readers. */
  label: string;
  /** Shown under the summary: downloads, status buttons. */
  children?: ComponentChildren;
}

/** One certificate: what matters at a glance, its notes, then every field explained. */
export default function CertificateView({ certificate, label, children }: Props) {
  const fingerprints = useFingerprints(certificate);
  return (
    <div class="hs-pki-cert" data-certificate-id={fingerprints?.certificateId ?? ''}>
      <CertificateSummary certificate={certificate} fingerprints={fingerprints} label={label} />
      {certificate.notes.length > 0 && (
        <ul class="hs-pki-notes" aria-label={`Notes on the ${label.toLowerCase()}`}>
          {certificate.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {children}
      <FieldTree root={certificate.fields} label={`Fields of the ${label.toLowerCase()}`} />
    </div>
  );
}
