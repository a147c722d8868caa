/**
 * Condition keys AWS IoT sets on MQTT requests (`iot-policy-variables`, `connect-policy`,
 * `cert-policy-variables`): every policy variable, plus the multi-valued keys.
 */
import { parseCertificateName } from './certificate-variable.ts';
import { MULTI_VALUED_KEYS, VARIABLES } from './policy-variable.ts';

/** How AWS IoT knows a key: single-valued, multi-valued, or not at all. */
export type KeyKind = 'single' | 'multi' | 'unknown';

/** What kind of key `key` is, ignoring case as IAM does. */
export function conditionKeyKind(key: string): KeyKind {
  const lower = key.toLowerCase();
  if (VARIABLES.some((v) => v.toLowerCase() === lower)) return 'single';
  if (MULTI_VALUED_KEYS.some((k) => k.toLowerCase() === lower)) return 'multi';
  if (/^iot:Connection\.Thing\.Attributes\[[^\]]+\]$/i.test(key)) return 'single';

  const certificate = parseCertificateName(key);
  if (certificate) return certificate.selector.kind === 'list' ? 'multi' : 'single';

  return 'unknown';
}

/** Every key name, for messages. */
export const KNOWN_KEYS_SUMMARY =
  'iot:ClientId, aws:SourceIp, iot:DomainName, iot:Connection.Thing.*, iot:CertificateId, ' +
  'iot:Certificate.*, iot:ConnectAttributes, iot:LastWillTopic';
