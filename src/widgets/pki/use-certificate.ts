import { useMemo } from 'preact/hooks';
import type { Certificate } from '../../core/pki/index.ts';
import type { Pki } from './load-pki.ts';
import { certificateOf } from './workshop-actions.ts';

export type ReadCertificate =
  | { certificate: Certificate; error?: undefined }
  | { certificate: null; error: string | null };

/** A saved PEM certificate, read once the core has loaded; a damaged one says why. */
export function useCertificate(pki: Pki | null, pem: string | undefined): ReadCertificate {
  return useMemo(() => {
    if (!pki || !pem) return { certificate: null, error: null };
    try {
      return { certificate: certificateOf(pki, pem) };
    } catch (error) {
      return { certificate: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [pki, pem]);
}
