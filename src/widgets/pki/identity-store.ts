/**
 * What the learner has made, shared by every certificate widget on the page (ES modules are
 * loaded once, so islands that import this see one store): their own CA, a device certificate
 * it signed, and the certificates made in the lab's registry. Kept in localStorage, except a
 * private key the lab made, which AWS shows once and so is kept only until the page closes.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CertificateOrigin, CertificateStatus } from '../../core/lab/certificate-registry.ts';
import { STORAGE_KEYS, isObject, readSaved, removeSaved, writeSaved } from './browser-storage.ts';

/** The key algorithms AWS IoT accepts for device certificates, and the workshop offers. */
export const WORKSHOP_ALGORITHMS = ['P-256', 'RSA-2048'] as const;
export type WorkshopAlgorithm = (typeof WORKSHOP_ALGORITHMS)[number];

/** A certificate with the private key of the public key inside it, both PEM. */
export interface KeyedCertificate {
  algorithm: WorkshopAlgorithm;
  certificatePem: string;
  privateKeyPem: string;
  createdAt: string;
}

export interface LabCertificate {
  certificateId: string;
  origin: CertificateOrigin;
  certificatePem: string;
  /** The certificate of the CA that signed it: the lab's CA, or the learner's own. */
  caPem: string;
  /** Absent when the lab made the key and the page has since been reloaded. */
  privateKeyPem?: string;
  lab: 'lab-server' | 'in-page';
  status: CertificateStatus;
}

export interface Identities {
  ca?: KeyedCertificate;
  device?: KeyedCertificate;
  /** Newest first. */
  lab: LabCertificate[];
}

type Listener = (identities: Identities) => void;

const listeners = new Set<Listener>();
let current: Identities | null = null;

export function identities(): Identities {
  current ??= readSaved<Identities>(STORAGE_KEYS.identities, { lab: [] }, isIdentities);
  return current;
}

/** Changes the store, saves it, and tells every widget. Returns false when saving failed. */
export function updateIdentities(change: (before: Identities) => Identities): boolean {
  current = change(identities());
  const saved = writeSaved(STORAGE_KEYS.identities, forStorage(current));
  listeners.forEach((listener) => listener(current!));
  return saved;
}

/** Removes the keys and certificates kept in this browser (typed text stays where it is). */
export function forgetIdentities(): void {
  current = { lab: [] };
  removeSaved(STORAGE_KEYS.identities);
  listeners.forEach((listener) => listener(current!));
}

/** Records a certificate made in the lab, replacing an older copy of the same one. */
export function rememberLabCertificate(record: LabCertificate): boolean {
  return updateIdentities((before) => ({
    ...before,
    lab: [record, ...before.lab.filter((c) => c.certificateId !== record.certificateId)],
  }));
}

export function useIdentities(): Identities {
  const [state, setState] = useState<Identities>({ lab: [] });
  useEffect(() => {
    // Read after hydration: the built HTML was rendered with nothing saved.
    setState(identities());
    listeners.add(setState);
    return () => void listeners.delete(setState);
  }, []);
  return state;
}

/** A key the lab made is shown once, as AWS does: it is never written to storage. */
export function forStorage(state: Identities): Identities {
  return {
    ...state,
    lab: state.lab.map((c) => {
      if (c.origin !== 'create-keys-and-certificate') return c;
      const { privateKeyPem: _shownOnce, ...rest } = c;
      return rest;
    }),
  };
}

export function isIdentities(value: unknown): boolean {
  if (!isObject(value) || !Array.isArray(value['lab'])) return false;
  const keyed = (v: unknown) =>
    v === undefined ||
    (isObject(v) &&
      typeof v['certificatePem'] === 'string' &&
      typeof v['privateKeyPem'] === 'string');
  return (
    keyed(value['ca']) &&
    keyed(value['device']) &&
    value['lab'].every(
      (c) =>
        isObject(c) &&
        typeof c['certificateId'] === 'string' &&
        typeof c['certificatePem'] === 'string',
    )
  );
}
