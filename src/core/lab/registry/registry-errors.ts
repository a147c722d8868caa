/**
 * Every way the certificate registry says no: a stable code, a short title, and what kind of
 * refusal it is, so that the lab server can pick an HTTP status and a widget a wording.
 */
import { RegistryError } from '../certificate-registry.ts';

/** `missing`: no such record (404); `conflict`: the record's state forbids it (409); `invalid`: a bad request (400). */
export type RegistryErrorKind = 'missing' | 'conflict' | 'invalid' | 'unavailable';

export const REGISTRY_ERRORS = {
  'certificate-not-found': { kind: 'missing', title: 'No certificate with that ID' },
  'ca-not-found': { kind: 'missing', title: 'No CA certificate with that ID' },
  'certificate-exists': { kind: 'conflict', title: 'The certificate is already registered' },
  'ca-exists': { kind: 'conflict', title: 'The CA certificate is already registered' },
  'invalid-transition': { kind: 'conflict', title: 'The status cannot change that way' },
  'certificate-active': { kind: 'conflict', title: 'An ACTIVE certificate cannot be deleted' },
  'policy-not-found': { kind: 'missing', title: 'No policy with that name' },
  'version-not-found': { kind: 'missing', title: 'The policy has no version with that ID' },
  'thing-not-found': { kind: 'missing', title: 'No thing with that name' },
  'thing-type-not-found': { kind: 'missing', title: 'No thing type with that name' },
  'thing-group-not-found': { kind: 'missing', title: 'No thing group with that name' },
  'not-attached': { kind: 'missing', title: 'The two are not attached' },
  'resource-already-exists': { kind: 'conflict', title: 'A resource of that name already exists' },
  'certificate-attached': { kind: 'conflict', title: 'The certificate still has attachments' },
  'policy-attached': { kind: 'conflict', title: 'The policy is still attached' },
  'version-limit': { kind: 'conflict', title: 'The policy already has five versions' },
  'default-version': { kind: 'conflict', title: 'The default version cannot be deleted' },
  'thing-has-principals': { kind: 'conflict', title: 'The thing still has certificates attached' },
  'thing-group-has-children': { kind: 'conflict', title: 'The thing group has child groups' },
  'exclusive-thing': {
    kind: 'conflict',
    title: 'The certificate is exclusively attached elsewhere',
  },
  'limit-exceeded': { kind: 'conflict', title: 'An AWS IoT limit would be exceeded' },
  'malformed-policy': { kind: 'invalid', title: 'The policy document is not valid' },
  'invalid-name': { kind: 'invalid', title: 'The name has characters AWS IoT does not accept' },
  'invalid-target': { kind: 'invalid', title: 'Not a certificate or thing group to attach to' },
  'ca-not-registered': { kind: 'invalid', title: 'The issuing CA is not registered' },
  'certificate-signature-invalid': {
    kind: 'invalid',
    title: 'The registered CA did not sign this certificate',
  },
  'csr-signature-invalid': { kind: 'invalid', title: 'The CSR signature does not verify' },
  'not-a-ca': { kind: 'invalid', title: 'The certificate is not a CA certificate' },
  'invalid-status': { kind: 'invalid', title: 'Not a status this request accepts' },
  'invalid-algorithm': { kind: 'invalid', title: 'Not a key algorithm the lab issues' },
  'not-decodable': { kind: 'invalid', title: 'The PEM could not be read' },
  'invalid-request': { kind: 'invalid', title: 'The request is missing a field or malformed' },
  'registry-unreadable': { kind: 'unavailable', title: 'The saved registry cannot be read' },
  'no-registry': { kind: 'unavailable', title: 'This broker has no registry the course can reach' },
  'lab-server-unreachable': { kind: 'unavailable', title: 'The lab server did not answer' },
} as const satisfies Record<string, { kind: RegistryErrorKind; title: string }>;

export type RegistryErrorCode = keyof typeof REGISTRY_ERRORS;

/** A RegistryError whose code is one of the table's. */
export function registryError(code: RegistryErrorCode, message: string): RegistryError {
  return new RegistryError(code, message);
}

/**
 * How a code is to be read. PKI codes (`csr-signature-invalid`, `attribute-too-long`, …) pass
 * through the registry unchanged and are all problems with the input.
 */
export function registryErrorKind(code: string): RegistryErrorKind {
  return code in REGISTRY_ERRORS ? REGISTRY_ERRORS[code as RegistryErrorCode].kind : 'invalid';
}

/** The first 8 hex digits and an ellipsis, as the log and the messages show an ID. */
export function shortId(id: string): string {
  return `${id.slice(0, 8)}…`;
}
