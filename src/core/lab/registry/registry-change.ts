/** What changed in the registry, told once the change is saved: for the log and for widgets. */
import type { CaStatus, CertificateOrigin, CertificateStatus } from '../certificate-registry.ts';
import { shortId } from './registry-errors.ts';

export type RegistryChange =
  | {
      record: 'certificate';
      id: string;
      subject: string;
      /** null for a new certificate. */
      from: CertificateStatus | null;
      /** null once deleted. */
      to: CertificateStatus | null;
      origin?: CertificateOrigin;
    }
  | {
      record: 'ca';
      id: string;
      subject: string;
      from: CaStatus | null;
      to: CaStatus | null;
      isLabCa: boolean;
    }
  | {
      record: 'policy' | 'thing' | 'thing-type' | 'thing-group' | 'attachment';
      /** The policy, thing, type or group name; for an attachment, the policy or thing name. */
      id: string;
      /** What happened, in a few words, e.g. `version 2 created, now the default`. */
      what: string;
    };

/**
 * One log line, e.g. `certificate 3f2a9c1e… ACTIVE -> REVOKED subject="CN=sensor-1"`; a new
 * record reads `new -> INACTIVE`, a deleted one `INACTIVE -> deleted`.
 */
export function formatRegistryChange(change: RegistryChange): string {
  if (!('from' in change)) return `${change.record} ${JSON.stringify(change.id)} ${change.what}`;

  const from = change.from ?? 'new';
  const to = change.to ?? 'deleted';
  const how =
    change.record === 'certificate'
      ? change.origin && change.from === null
        ? ` via=${change.origin}`
        : ''
      : change.isLabCa
        ? ' lab-ca'
        : '';
  return `${change.record} ${shortId(change.id)} ${from} -> ${to}${how} subject=${JSON.stringify(change.subject)}`;
}
