import { describe, expect, it } from 'vitest';
import * as pki from '../../../src/core/pki/index.ts';
import {
  subjectProblems,
  subjectReady,
  typedName,
} from '../../../src/widgets/pki/subject-input.ts';

describe('the subject form', () => {
  it('leaves empty boxes out of the name', () => {
    expect(typedName({ CN: 'sensor-1', O: '', OU: '  ', C: 'FR' })).toEqual({
      CN: 'sensor-1',
      C: 'FR',
    });
  });

  it('explains each box the core refuses, and only that box', () => {
    const problems = subjectProblems(pki, { CN: 'x'.repeat(65), O: 'Greenhouse Co', C: 'France' });
    expect(Object.keys(problems).sort()).toEqual(['C', 'CN']);
    expect(problems.C).toContain('two-letter ISO 3166 code such as FR');
    expect(problems.CN).toContain('has 65 characters; RFC 5280 allows at most 64');
  });

  it('takes a non-ASCII common name and a lower-case country code', () => {
    expect(subjectProblems(pki, { CN: 'capteur-serre-été', C: 'fr' })).toEqual({});
  });

  it('needs a common name before anything is made', () => {
    expect(subjectReady(pki, { O: 'Greenhouse Co' })).toEqual({
      ok: false,
      reason: expect.stringContaining('Give a commonName (CN)'),
    });
    expect(subjectReady(pki, { CN: 'a', C: 'France' })).toEqual({
      ok: false,
      reason: 'Fix countryName (C) first.',
    });
    expect(subjectReady(pki, { CN: 'a' })).toEqual({ ok: true });
  });
});
