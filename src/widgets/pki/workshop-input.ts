/** What the learner typed into the workshop, kept across reloads. */
import { isObject } from './browser-storage.ts';
import { WORKSHOP_ALGORITHMS, type WorkshopAlgorithm } from './identity-store.ts';
import type { SubjectValues } from './subject-input.ts';

export interface WorkshopInput {
  caAlgorithm: WorkshopAlgorithm;
  caSubject: SubjectValues;
  deviceAlgorithm: WorkshopAlgorithm;
  deviceSubject: SubjectValues;
}

export const DEFAULT_INPUT: WorkshopInput = {
  caAlgorithm: 'P-256',
  caSubject: { CN: 'My Device Root CA', O: 'Greenhouse Co' },
  deviceAlgorithm: 'P-256',
  deviceSubject: { CN: 'greenhouse-sensor-1', O: 'Greenhouse Co' },
};

export function isWorkshopInput(value: unknown): boolean {
  const algorithm = (v: unknown) => (WORKSHOP_ALGORITHMS as readonly unknown[]).includes(v);
  const subject = (v: unknown) =>
    isObject(v) && Object.values(v).every((s) => typeof s === 'string');
  return (
    isObject(value) &&
    algorithm(value['caAlgorithm']) &&
    algorithm(value['deviceAlgorithm']) &&
    subject(value['caSubject']) &&
    subject(value['deviceSubject'])
  );
}

export const ALGORITHM_LABELS: Record<WorkshopAlgorithm, string> = {
  'P-256': 'ECDSA P-256 (ECDSA with SHA-256)',
  'RSA-2048': 'RSA 2048-bit (sha256WithRSAEncryption)',
};
