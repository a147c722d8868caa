/**
 * The lab server's registry from a page: LabRegistry over `/api/registry/*`
 * (src/sandbox/registry/registry-api.ts). The server's refusals come back as RegistryErrors
 * with the same code and message. Only certificates and CSRs are sent: a key the learner made
 * in the page never leaves it.
 */
import {
  RegistryError,
  type CaRecord,
  type CertificateRecord,
  type CreatedKeysAndCertificate,
} from '../../core/lab/certificate-registry.ts';
import { MalformedPolicyError, type LabRegistry } from '../../core/lab/iot-registry.ts';
import type { PolicyProblem } from '../../core/policy/index.ts';
import { labServerIot } from './lab-server-iot.ts';
import { registryError } from '../../core/lab/registry/index.ts';

/** `fetch` as the page has it; tests pass Node's. */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export function labServerRegistry(origin: string, fetcher: Fetch = fetch): LabRegistry {
  const call = <T>(method: string, path: string, body?: unknown) =>
    request<T>(fetcher, origin, method, path, body);
  const certificate = (id: string) => `/api/registry/certificates/${encodeURIComponent(id)}`;

  return {
    ...labServerIot(call),
    labCa: () => call<CaRecord>('GET', '/api/registry/lab-ca'),
    listCas: async () => (await call<{ cas: CaRecord[] }>('GET', '/api/registry/cas')).cas,
    registerCa: (pem, status) =>
      call<CaRecord>('POST', '/api/registry/cas', { pem, ...(status ? { status } : {}) }),
    setCaStatus: (id, status) =>
      call<CaRecord>('PATCH', `/api/registry/cas/${encodeURIComponent(id)}`, { status }),

    listCertificates: async () =>
      (await call<{ certificates: CertificateRecord[] }>('GET', '/api/registry/certificates'))
        .certificates,
    describeCertificate: (id) => call<CertificateRecord>('GET', certificate(id)),
    createKeysAndCertificate: (options) =>
      call<CreatedKeysAndCertificate>('POST', '/api/registry/certificates', {
        action: 'create-keys-and-certificate',
        ...options,
      }),
    createCertificateFromCsr: (options) =>
      call<CertificateRecord>('POST', '/api/registry/certificates', {
        action: 'create-certificate-from-csr',
        ...options,
      }),
    registerCertificate: (options) =>
      call<CertificateRecord>('POST', '/api/registry/certificates', {
        action: 'register-certificate',
        ...options,
      }),
    updateCertificate: (id, status) =>
      call<CertificateRecord>('PATCH', certificate(id), { status }),
    deleteCertificate: async (id) => {
      await call<void>('DELETE', certificate(id));
    },
  };
}

async function request<T>(
  fetcher: Fetch,
  origin: string,
  method: string,
  path: string,
  body: unknown,
): Promise<T> {
  const url = new URL(path, origin).toString();
  let response: Response;
  try {
    response = await fetcher(url, {
      method,
      cache: 'no-store',
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw registryError(
      'lab-server-unreachable',
      `The lab server at ${origin} did not answer ${method} ${path} (${(error as Error).message}). ` +
        'Is `npm start` still running?',
    );
  }

  if (response.status === 204) return undefined as T;
  const answer = await readJson(response);
  if (response.ok && answer !== undefined) return answer as T;
  throw errorFrom(response, answer, `${method} ${path}`);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    // Not JSON: a static host's 404 page, or a proxy's error page. errorFrom says which status.
    return undefined;
  }
}

function errorFrom(response: Response, answer: unknown, request: string): RegistryError {
  const error = (
    answer as { error?: { code?: unknown; message?: unknown; problems?: unknown } } | undefined
  )?.error;
  if (error?.code === 'malformed-policy' && typeof error.message === 'string') {
    const problems = Array.isArray(error.problems) ? (error.problems as PolicyProblem[]) : [];
    return new MalformedPolicyError(error.message, problems);
  }
  if (typeof error?.code === 'string' && typeof error.message === 'string') {
    return new RegistryError(error.code, error.message);
  }
  return registryError(
    'no-registry',
    `${request} answered ${response.status} ${response.statusText}, and not with the registry's JSON. ` +
      'The page is not served by a Handshake lab server that has a registry; start one with `npm start`.',
  );
}
