import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/core/tls/connection-doctor.ts';
import type { HandshakeReport } from '../../../src/core/tls/handshake-report.ts';
import ReportView, { modeLabel } from '../../../src/widgets/tls/ReportView.tsx';

const revoked: HandshakeReport = {
  mode: 'real',
  protocol: 'TLSv1.3',
  cipher: 'TLS_AES_256_GCM_SHA384',
  outcome: 'failed',
  steps: [
    {
      message: 'ClientHello',
      from: 'client',
      summary: 'The device offers versions, suites and a key share.',
      carries: [{ label: 'server_name', value: 'localhost' }],
      checks: [],
    },
    {
      message: 'Registry lookup',
      from: 'server',
      summary: 'The broker looks the certificate up.',
      carries: [],
      checks: [{ by: 'server', what: 'Status is ACTIVE', passed: false, detail: 'It is REVOKED.' }],
    },
  ],
  alert: null,
  failure: { code: 'certificate-revoked', message: 'The certificate 3f… is REVOKED.' },
  identity: null,
};

describe('the handshake report view', () => {
  it('labels emulated and real reports plainly', () => {
    expect(modeLabel({ ...revoked, mode: 'emulated' })).toBe(
      'Model of TLS 1.3: real keys and signatures, no record layer',
    );
    expect(modeLabel(revoked)).toBe(
      'Real TLS from the lab server (TLSv1.3, TLS_AES_256_GCM_SHA384)',
    );
  });

  it('shows the layer it stopped at, the verdict and a failed check in words, not colour alone', () => {
    const html = render(h(ReportView, { report: revoked, verdict: diagnose(revoked) }));
    expect(html).toContain('data-layer="certificate-status"');
    expect(html).toContain('Stopped at: <strong>Certificate status in the registry</strong>');
    expect(html).toContain('The certificate is REVOKED');
    expect(html).toContain('Failed: Status is ACTIVE');
    expect(html).toContain('✘ 1 of 1 check failed');
    expect(html).toContain('<span class="sr-only">: stopped here</span>');
  });

  it('names the alert with its RFC 8446 code when one ended the handshake', () => {
    const report: HandshakeReport = {
      ...revoked,
      alert: { by: 'server', name: 'certificate_required', code: 116 },
      failure: { code: 'no-client-certificate', message: 'The device sent an empty Certificate.' },
    };
    const html = render(h(ReportView, { report, verdict: diagnose(report) }));
    expect(html).toContain(
      'The broker sent the TLS alert <code>certificate_required</code> (code 116)',
    );
    expect(html).toContain('The device sent no certificate');
  });
});
