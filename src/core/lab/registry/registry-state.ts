/**
 * What a registry keeps between calls: one JSON document, loaded before and saved after each
 * operation. The lab server writes it to a file, the in-page lab to IndexedDB, tests to memory.
 */
import type { CaRecord, CertificateRecord } from '../certificate-registry.ts';
import { iotOutlineProblem, type IotState } from './iot-state.ts';
import { registryError } from './registry-errors.ts';

export const REGISTRY_STATE_VERSION = 1;

export interface RegistryState {
  /** The shape of this document; a newer lab may migrate an older one. */
  version: typeof REGISTRY_STATE_VERSION;
  /** The lab's own CA, once made. Its key stays here and is never returned by the registry. */
  labCa: { caCertificateId: string; privateKeyPem: string } | null;
  cas: CaRecord[];
  certificates: CertificateRecord[];
  /** Policies, things and thing groups; absent from registries saved before they existed. */
  iot?: IotState;
}

/** Where the state lives. `load` answers null before the first save. */
export interface RegistryStorage {
  load(): Promise<RegistryState | null>;
  save(state: RegistryState): Promise<void>;
}

export function emptyRegistryState(): RegistryState {
  return { version: REGISTRY_STATE_VERSION, labCa: null, cas: [], certificates: [] };
}

/**
 * Checks the outline of a stored document before the registry trusts it. The message names
 * where it was read (`where`) and how to start afresh (`reset`), so a learner can act on it.
 */
export function parseRegistryState(
  value: unknown,
  source: { where: string; reset: string },
): RegistryState {
  const problem = outlineProblem(value);
  if (problem) {
    throw registryError(
      'registry-unreadable',
      `${source.where} is not a registry this lab can read: ${problem}. Fix it, or ` +
        `${source.reset}, which forgets every CA and certificate.`,
    );
  }
  return value as RegistryState;
}

function outlineProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'it is not a JSON object';

  const state = value as Partial<Record<keyof RegistryState, unknown>>;
  if (state.version !== REGISTRY_STATE_VERSION)
    return `its version is ${JSON.stringify(state.version)}, expected ${REGISTRY_STATE_VERSION}`;
  if (!Array.isArray(state.cas)) return '"cas" is not a list';
  if (!Array.isArray(state.certificates)) return '"certificates" is not a list';
  const iot = iotOutlineProblem(state.iot);
  if (iot) return iot;

  const labCa = state.labCa as RegistryState['labCa'] | undefined;
  if (labCa === null) return null;
  if (typeof labCa?.caCertificateId !== 'string' || typeof labCa.privateKeyPem !== 'string')
    return '"labCa" needs a caCertificateId and a privateKeyPem';
  return null;
}

/**
 * A store in memory that copies on the way in and out, as a real store does, so that a change
 * the registry abandons half-way never leaks into the next load.
 */
export function memoryStorage(initial: RegistryState | null = null): RegistryStorage & {
  /** What a save last wrote, as JSON text; null before the first save. */
  saved(): string | null;
} {
  let text = initial ? JSON.stringify(initial) : null;
  return {
    load: async () => (text === null ? null : (JSON.parse(text) as RegistryState)),
    save: async (state) => {
      text = JSON.stringify(state);
    },
    saved: () => text,
  };
}
