/**
 * The CertificateRegistry both labs share, over any storage that can load and save one JSON
 * document. Each call is one transaction: load the state, apply one AWS IoT operation, save if
 * something changed, then tell `onChange`. Calls run one at a time, in the order made.
 */
import { PkiError, type CertificateAuthority, type CryptoPort } from '../../pki/index.ts';
import { RegistryError, type CaRecord, type CaStatus } from '../certificate-registry.ts';
import type { LabRegistry } from '../iot-registry.ts';
import { certificateAttachments } from './attachment-flows.ts';
import { registerCa, setCaStatus } from './ca-flows.ts';
import { iotOperations } from './iot-operations.ts';
import * as flows from './issuing-flows.ts';
import { labCaRecord, labCaSigner, makeLabCa } from './lab-ca.ts';
import type { RegistryChange } from './registry-change.ts';
import { registryError, shortId } from './registry-errors.ts';
import {
  emptyRegistryState,
  parseRegistryState,
  type RegistryState,
  type RegistryStorage,
} from './registry-state.ts';
import { findCertificate, type RegistryTransaction } from './registry-transaction.ts';
import { checkCertificateStatus, checkDeletable, checkTransition } from './status-rules.ts';
import { createWriteQueue, type Serialise } from './write-queue.ts';

export interface RegistryOptions {
  /** Told each change once it is saved, e.g. to write `lab:registry` log lines. Default: nobody. */
  onChange?: (change: RegistryChange) => void;
  /**
   * Holds a lock around each whole operation for stores that other contexts also write, such as
   * IndexedDB shared by tabs (Web Locks). Default: none beyond this registry's own queue.
   */
  exclusive?: Serialise;
}

/** The registry, plus what only the lab itself may ask: the lab CA as a signer. */
export interface LabCertificateRegistry extends LabRegistry {
  /** The lab CA with its key, e.g. to issue the lab broker's server certificate. Never sent to a page. */
  labCaAuthority(): Promise<CertificateAuthority>;
}

export function createCertificateRegistry(
  storage: RegistryStorage,
  crypto: CryptoPort,
  clock: () => Date,
  options: RegistryOptions = {},
): LabCertificateRegistry {
  const queue = createWriteQueue();
  const exclusive: Serialise = options.exclusive ?? ((operation) => operation());
  const signerFor = labCaSigner(crypto);

  /** One operation: load, step, save when changed, then tell the changes. */
  const run = <T>(step: (tx: RegistryTransaction) => Promise<T>): Promise<T> =>
    queue(() =>
      exclusive(async () => {
        const changes: RegistryChange[] = [];
        const tx: RegistryTransaction = {
          state: loaded(await storage.load()),
          now: clock(),
          changed: (change) => changes.push(change),
        };
        const result = await asRegistryError(() => step(tx));

        if (changes.length > 0) {
          await storage.save(tx.state);
          changes.forEach((change) => options.onChange?.(change));
        }
        return result;
      }),
    );

  const ensureLabCa = async (tx: RegistryTransaction): Promise<CaRecord> => {
    const existing = labCaRecord(tx.state);
    if (existing) return existing;

    const made = await makeLabCa(crypto, tx.state, tx.now);
    tx.changed({
      record: 'ca',
      id: made.caCertificateId,
      subject: made.subject,
      from: null,
      to: made.status,
      isLabCa: true,
    });
    return made;
  };

  const issuing = async (tx: RegistryTransaction) => {
    const labCa = await ensureLabCa(tx);
    return { crypto, tx, labCa, signer: await signerFor(tx.state, labCa) };
  };

  return {
    ...iotOperations(run),

    labCa: () => run(ensureLabCa),

    labCaAuthority: () => run(async (tx) => signerFor(tx.state, await ensureLabCa(tx))),

    // The lab always trusts its own CA, so a list of CAs shows it from the start.
    listCas: () =>
      run(async (tx) => {
        await ensureLabCa(tx);
        return tx.state.cas;
      }),

    registerCa: (pem: string, status: CaStatus = 'INACTIVE') =>
      run(async (tx) => registerCa({ crypto, tx }, pem, status)),

    setCaStatus: (caCertificateId, status) =>
      run(async (tx) => setCaStatus(tx, caCertificateId, status)),

    listCertificates: () => run(async (tx) => tx.state.certificates),

    describeCertificate: (certificateId) => run(async (tx) => findCertificate(tx, certificateId)),

    createKeysAndCertificate: (request) =>
      run(async (tx) => flows.createKeysAndCertificate(await issuing(tx), request)),

    createCertificateFromCsr: (request) =>
      run(async (tx) => flows.createCertificateFromCsr(await issuing(tx), request)),

    registerCertificate: (request) =>
      run(async (tx) => flows.registerCertificate({ crypto, tx }, request)),

    updateCertificate: (certificateId, status) =>
      run(async (tx) => {
        const wanted = checkCertificateStatus(status);
        const record = findCertificate(tx, certificateId);
        checkTransition(record, wanted);
        if (record.status === wanted) return record;

        tx.changed({
          record: 'certificate',
          id: record.certificateId,
          subject: record.subject,
          from: record.status,
          to: wanted,
        });
        record.status = wanted;
        record.updatedAt = tx.now.toISOString();
        return record;
      }),

    deleteCertificate: (certificateId) =>
      run(async (tx) => {
        const record = findCertificate(tx, certificateId);
        checkDeletable(record);
        checkUnattached(record.certificateId, certificateAttachments(tx, record.certificateId));

        tx.state.certificates = tx.state.certificates.filter((c) => c !== record);
        tx.changed({
          record: 'certificate',
          id: record.certificateId,
          subject: record.subject,
          from: record.status,
          to: null,
        });
      }),
  };
}

/** AWS's DeleteCertificate refuses a certificate that still has policies or things attached. */
function checkUnattached(certificateId: string, attachments: string[]): void {
  if (attachments.length === 0) return;

  throw registryError(
    'certificate-attached',
    `Certificate ${shortId(certificateId)} is still attached to ${attachments.join(', ')}. ` +
      'Detach them (DetachPolicy, DetachThingPrincipal), then delete the certificate.',
  );
}

// Stores check what they read and say where it came from; this catches a store that does not.
function loaded(state: RegistryState | null): RegistryState {
  if (state === null) return emptyRegistryState();
  return parseRegistryState(state, { where: 'The saved registry', reset: 'reset the lab' });
}

/** A PkiError (a bad name, a CSR that does not verify) reaches callers as a RegistryError of the same code. */
async function asRegistryError<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof PkiError) throw new RegistryError(error.code, error.message);
    throw error;
  }
}
