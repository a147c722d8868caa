/**
 * The subject form: which attributes it asks for, in the order a learner fills them, and the
 * message for each one that the core would refuse (countryName is two letters, RFC 5280's
 * upper bounds).
 */
import type { NameAttributeKey, NameInput } from '../../core/pki/index.ts';
import type { Pki } from './load-pki.ts';

/** Form order: the common name first, the country last. The certificate keeps RFC order. */
export const SUBJECT_FIELDS = [
  'CN',
  'O',
  'OU',
  'L',
  'ST',
  'C',
] as const satisfies readonly NameAttributeKey[];

export type SubjectValues = Partial<Record<NameAttributeKey, string>>;

export const SUBJECT_LABELS: Record<NameAttributeKey, { label: string; hint: string }> = {
  CN: { label: 'commonName (CN)', hint: 'the device or thing name, e.g. greenhouse-sensor-1' },
  O: { label: 'organizationName (O)', hint: 'who owns the device' },
  OU: { label: 'organizationalUnitName (OU)', hint: 'a team or site, optional' },
  L: { label: 'localityName (L)', hint: 'a city, optional' },
  ST: { label: 'stateOrProvinceName (ST)', hint: 'optional' },
  C: { label: 'countryName (C)', hint: 'two letters, e.g. FR' },
};

/** The typed name with empty boxes left out: an empty box means "no such attribute". */
export function typedName(values: SubjectValues): NameInput {
  const name: NameInput = {};
  for (const key of SUBJECT_FIELDS) {
    const value = values[key];
    if (value !== undefined && value.trim() !== '') name[key] = value;
  }
  return name;
}

/** What is wrong with each filled box, checked one attribute at a time by the core. */
export function subjectProblems(
  pki: Pki,
  values: SubjectValues,
): Partial<Record<NameAttributeKey, string>> {
  const problems: Partial<Record<NameAttributeKey, string>> = {};
  for (const [key, value] of Object.entries(typedName(values)) as [NameAttributeKey, string][]) {
    try {
      pki.nameSpec({ [key]: value });
    } catch (error) {
      problems[key] = error instanceof Error ? error.message : String(error);
    }
  }
  return problems;
}

/** Whether the name can be used: at least a commonName, and no box the core refuses. */
export function subjectReady(
  pki: Pki,
  values: SubjectValues,
): { ok: true } | { ok: false; reason: string } {
  const problems = subjectProblems(pki, values);
  const first = SUBJECT_FIELDS.find((key) => problems[key]);
  if (first) return { ok: false, reason: `Fix ${SUBJECT_LABELS[first].label} first.` };
  if (!typedName(values).CN) {
    return {
      ok: false,
      reason:
        'Give a commonName (CN): it names the device, and AWS IoT shows it beside the certificate ID.',
    };
  }
  return { ok: true };
}
