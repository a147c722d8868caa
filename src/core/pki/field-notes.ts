/** Observations about fields that a verifier may accept but a learner should know about. */
import type { AlgorithmIdentifier } from './algorithm-identifier.ts';
import type { DistinguishedName } from './distinguished-name.ts';
import { OID } from './object-identifier.ts';

export function nameNotes(name: DistinguishedName, role: string): string[] {
  const notes: string[] = [];
  for (const attribute of name.rdns.flat()) {
    if (attribute.oid === OID.countryName && !/^[A-Z]{2}$/.test(attribute.value)) {
      notes.push(
        `The ${role}'s countryName is "${attribute.value}"; RFC 5280 expects a two-letter ISO 3166 code.`,
      );
    }
    if (attribute.stringType === 'TeletexString' || attribute.stringType === 'UniversalString') {
      notes.push(
        `The ${role}'s ${attribute.name} is a ${attribute.stringType}, which RFC 5280 advises against.`,
      );
    }
  }
  return notes;
}

export function signatureNotes(algorithm: AlgorithmIdentifier): string[] {
  if (/sha1|SHA1/.test(algorithm.name)) {
    return [
      `It is signed with ${algorithm.name}: SHA-1 signatures can be forged, and AWS IoT refuses them.`,
    ];
  }
  return [];
}
