import type { Verdict } from '../../core/tls/connection-doctor.ts';
import type { DeviceIdentity, HandshakeReport } from '../../core/tls/handshake-report.ts';
import HandshakeSteps from './HandshakeSteps.tsx';
import VerdictView from './VerdictView.tsx';

interface Props {
  report: HandshakeReport;
  verdict: Verdict | null;
  /** False where the verdict is already shown above the report. Default true. */
  withVerdict?: boolean;
}

/** The honest label of a report (DESIGN.md, "Honesty"): a model, or the lab server's real TLS. */
export function modeLabel(report: HandshakeReport): string {
  if (report.mode === 'emulated')
    return 'Model of TLS 1.3: real keys and signatures, no record layer';
  const agreed = [report.protocol, report.cipher].filter(Boolean).join(', ');
  return `Real TLS from the lab server (${agreed || 'no protocol agreed'})`;
}

/** One attempt in full: how it was run, how far it got, who the device turned out to be, each message. */
export default function ReportView({ report, verdict, withVerdict = true }: Props) {
  return (
    <div class="hs-tls-report" data-mode={report.mode} data-outcome={report.outcome}>
      <p class={`hs-tls-mode hs-tls-mode--${report.mode}`}>
        {report.mode === 'emulated' && (
          <>
            <span class="hs-badge">Emulated</span>{' '}
          </>
        )}
        {modeLabel(report)}
      </p>
      {report.notes && report.notes.length > 0 && (
        <details class="hs-tls-notes">
          <summary>What is real and what is modelled</summary>
          <ul class="hs-pki-notes">
            {report.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      )}
      {withVerdict && <VerdictView report={report} verdict={verdict} />}
      {report.identity && <IdentityView identity={report.identity} />}
      <HandshakeSteps steps={report.steps} />
    </div>
  );
}

function IdentityView({ identity }: { identity: DeviceIdentity }) {
  const entries: [string, string][] = [
    ['Subject', identity.subject],
    ['Issuer', identity.issuer],
    ['Serial number', identity.serialNumber],
    ['Valid from', identity.notBefore],
    ['Valid until', identity.notAfter],
    ['Certificate ID', identity.certificateId],
  ];
  return (
    <dl class="hs-pki-summary hs-tls-identity" aria-label="Device identity the broker accepted">
      {entries.map(([label, value]) => (
        <div key={label} class="hs-pki-summary__entry" data-entry={label}>
          <dt>{label}</dt>
          <dd>
            <code>{value}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}
