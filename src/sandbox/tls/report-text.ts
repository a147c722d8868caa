/**
 * A HandshakeReport as the terminal shows it: one numbered block per message, what it carried,
 * each check marked in words, then the result with the connection doctor's verdict, then the
 * notes on where each part came from.
 */
import { diagnose } from '../../core/tls/connection-doctor.ts';
import type { HandshakeReport, HandshakeStep } from '../../core/tls/handshake-report.ts';

export function reportText(report: HandshakeReport, heading: string): string {
  const lines = [heading, ''];
  report.steps.forEach((step, index) => lines.push(...stepLines(step, index + 1)));
  if (report.steps.length === 0) lines.push('  (no TLS message was exchanged)');
  lines.push('', ...resultLines(report));
  if (report.notes?.length) {
    lines.push('', 'Notes:', ...report.notes.map((note) => `  - ${note}`));
  }
  return `${lines.join('\n')}\n`;
}

function stepLines(step: HandshakeStep, number: number): string[] {
  // The registry lookup is the broker's own step, not a message on the wire.
  const direction =
    step.message === 'Registry lookup'
      ? 'at the broker'
      : step.from === 'client'
        ? 'device -> broker'
        : 'broker -> device';
  const lines = [`${String(number).padStart(2)}. ${step.message.padEnd(20)} ${direction}`];
  lines.push(`      ${step.summary}`);
  const width = Math.max(0, ...step.carries.map((c) => c.label.length));
  for (const { label, value } of step.carries) lines.push(`      ${label.padEnd(width)}  ${value}`);
  for (const check of step.checks) {
    const who = check.by === 'client' ? 'device' : 'broker';
    lines.push(
      `      ${check.passed ? 'passed' : 'FAILED'}: ${check.what} (${who}): ${check.detail}`,
    );
  }
  return lines;
}

function resultLines(report: HandshakeReport): string[] {
  if (report.outcome === 'connected') {
    const who = report.identity
      ? ` as ${report.identity.subject} (certificate ${report.identity.certificateId.slice(0, 8)}…)`
      : '';
    return [`Result: connected over ${report.protocol} with ${report.cipher}${who}.`];
  }

  const verdict = diagnose(report);
  const alert = report.alert
    ? `, alert ${report.alert.name} (${report.alert.code}) from the ${report.alert.by === 'server' ? 'broker' : 'device'}`
    : ', no alert';
  const lines = [
    `Result: failed: ${report.failure?.code}${alert}.`,
    `  ${report.failure?.message}`,
  ];
  if (verdict) {
    lines.push(
      `  Layer: ${verdict.layerTitle}`,
      `  ${verdict.title}.`,
      `  Why: ${verdict.explanation}`,
      `  Fix: ${verdict.fix}`,
    );
  }
  return lines;
}
