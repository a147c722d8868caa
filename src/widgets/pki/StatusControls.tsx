import { useState } from 'preact/hooks';
import { canTransition, type CertificateStatus } from '../../core/lab/certificate-registry.ts';

interface Props {
  status: CertificateStatus;
  /** Asks the registry for the change; resolves when it is done. */
  onChange: (status: CertificateStatus) => Promise<void>;
  busy: boolean;
}

const STATUS_WORDS: Record<CertificateStatus, string> = {
  ACTIVE: 'may connect',
  INACTIVE: 'refused at connect; can be activated again',
  PENDING_ACTIVATION: 'refused at connect until it is activated',
  REVOKED: 'refused at connect, for good',
};

/** AWS IoT's UpdateCertificate as three buttons; revoking asks first, because it is final. */
export default function StatusControls({ status, onChange, busy }: Props) {
  const [confirming, setConfirming] = useState(false);
  const revoked = status === 'REVOKED';
  const button = (to: CertificateStatus, label: string) => (
    <button
      type="button"
      class="hs-button"
      disabled={busy || status === to || !canTransition(status, to)}
      onClick={() => void onChange(to)}
      title={revoked ? 'A revoked certificate stays revoked.' : undefined}
    >
      {label}
    </button>
  );

  return (
    <div class="hs-pki-status-controls">
      <p class="hs-pki-status-line">
        Status{' '}
        <span class={`hs-pki-status hs-pki-status--${status.toLowerCase()}`} data-status={status}>
          {status}
        </span>{' '}
        <span class="hs-note hs-note--inline">{STATUS_WORDS[status]}</span>
      </p>
      <div class="hs-row">
        {button('ACTIVE', 'Activate')}
        {button('INACTIVE', 'Deactivate')}
        <button
          type="button"
          class="hs-button hs-pki-danger"
          disabled={busy || revoked || confirming}
          onClick={() => setConfirming(true)}
        >
          Revoke…
        </button>
      </div>
      {confirming && !revoked && (
        <div class="hs-warning" role="alertdialog" aria-label="Revoke for good?">
          <p>
            Revoking is final. The lab, like AWS IoT, will never again let a device connect with
            this certificate, and no later status change can undo it. To stop it for a while,
            deactivate it instead.
          </p>
          <div class="hs-row">
            <button
              type="button"
              class="hs-button hs-pki-danger"
              onClick={() => {
                setConfirming(false);
                void onChange('REVOKED');
              }}
            >
              Revoke for good
            </button>
            <button type="button" class="hs-button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {revoked && (
        <p class="hs-note hs-pki-final">
          REVOKED is final: UpdateCertificate cannot move a revoked certificate to any other status,
          so Activate and Deactivate stay off. Make a new certificate for the device.
        </p>
      )}
    </div>
  );
}
