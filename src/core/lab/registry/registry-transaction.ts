/** One registry operation's view of the state: loaded before it, saved after it if it changed. */
import type { CaRecord, CertificateRecord } from '../certificate-registry.ts';
import { registryError, shortId } from './registry-errors.ts';
import type { RegistryChange } from './registry-change.ts';
import type { RegistryState } from './registry-state.ts';
import { completeIotState, type IotState } from './iot-state.ts';

export interface RegistryTransaction {
  state: RegistryState;
  /** The clock's time when the operation started; every record it writes carries it. */
  now: Date;
  /** Records a change; the state is saved, and the changes told, only when there is one. */
  changed(change: RegistryChange): void;
}

const ID_SHAPE = /^[0-9a-f]{64}$/;

export function findCertificate(tx: RegistryTransaction, id: unknown): CertificateRecord {
  const found = tx.state.certificates.find((c) => c.certificateId === id);
  if (found) return found;

  throw registryError(
    'certificate-not-found',
    `${notFound(id, 'certificate')} List the certificates to see their IDs.`,
  );
}

export function findCa(tx: RegistryTransaction, id: unknown): CaRecord {
  const found = tx.state.cas.find((c) => c.caCertificateId === id);
  if (found) return found;

  throw registryError(
    'ca-not-found',
    `${notFound(id, 'CA certificate')} List the CAs to see their IDs.`,
  );
}

function notFound(id: unknown, what: string): string {
  const text = typeof id === 'string' ? id : JSON.stringify(id);
  if (typeof id === 'string' && ID_SHAPE.test(id)) {
    return `No ${what} has the ID ${shortId(id)} (${id}) in this lab.`;
  }
  return (
    `"${text}" is not a ${what} ID: an ID is the 64 lowercase hex digits of the SHA-256 of ` +
    'the certificate’s DER, as AWS IoT shows it.'
  );
}

/** The policies, things and groups; made (empty) on first use for a registry that had none. */
export function iotOf(tx: RegistryTransaction): IotState {
  tx.state.iot = completeIotState(tx.state.iot);
  return tx.state.iot;
}
