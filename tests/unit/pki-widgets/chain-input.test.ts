import { render } from 'preact-render-to-string';
import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import * as pki from '../../../src/core/pki/index.ts';
import { readChainBoxes } from '../../../src/widgets/pki/chain-input.ts';
import PemProblem, { placeOf } from '../../../src/widgets/pki/PemProblem.tsx';
import { makeCa } from '../../../src/widgets/pki/workshop-actions.ts';

describe('the chain checker boxes', () => {
  it('keeps the certificates and says which box holds something else', async () => {
    const ca = await makeCa(pki, 'P-256', { CN: 'Box CA' });
    const read = readChainBoxes(pki, {
      leaf: ca.certificatePem + ca.privateKeyPem,
      intermediates: '',
      anchors: '-----BEGIN CERTIFICATE-----\nAB*D\n-----END CERTIFICATE-----\n',
    });

    expect(read.certificates.leaf.map((c) => c.subject.text)).toEqual(['CN=Box CA']);
    expect(read.certificates.anchors).toEqual([]);
    expect(read.problems.map((p) => [p.box, p.problem?.stage ?? p.message])).toEqual([
      ['leaf', expect.stringContaining('Block 2 (PRIVATE KEY) is not a certificate')],
      ['anchors', 'base64'],
    ]);
  });

  it('text with no PEM block at all is one problem at the boundary stage', () => {
    const read = readChainBoxes(pki, { leaf: 'hello', intermediates: '', anchors: '' });
    expect(read.problems).toEqual([
      { box: 'leaf', problem: expect.objectContaining({ stage: 'boundary' }) },
    ]);
  });
});

describe('a PEM problem', () => {
  const problem = pki.decodeSync('-----BEGIN CERTIFICATE-----\nAB*D\n-----END CERTIFICATE-----\n')
    .blocks[0];

  it('names the place, the stages passed and failed, and points a caret at the column', () => {
    if (problem?.status !== 'rejected') throw new Error('expected a rejected block');
    expect(placeOf(problem.problem)).toBe('line 2, column 3');

    const html = render(h(PemProblem, { problem: problem.problem, text: 'x\nAB*D\ny' }));
    expect(html).toContain('data-stage="base64"');
    expect(html).toContain('✔ PEM boundary');
    expect(html).toContain('✘ base64');
    expect(html).toContain('· DER length');
    expect(html).toMatch(
      /AB\*D\n<span class="hs-json-problem__gutter">  \| <\/span> {2}<span class="hs-json-problem__caret">\^/,
    );
  });

  it('gives a byte offset for a problem inside the DER', () => {
    const inside = {
      code: 'truncated',
      stage: 'der-length',
      title: '',
      message: '',
      rule: '',
      offset: 7,
    } as const;
    expect(placeOf(inside)).toBe('byte offset 7 of the DER');
  });
});
