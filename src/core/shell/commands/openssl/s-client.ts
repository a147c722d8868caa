/**
 * `openssl s_client -connect host:port -cert crt -key key [-CAfile ca] [-servername n]`: one
 * mutual TLS handshake with the lab behind the page's broker, through the TLS port (the lab
 * server's real TLS, or the in-page lab's model, labelled as such). Printed in s_client's shape
 * with -msg's message lines: CONNECTED, `>>>`/`<<<` per handshake message, then "Verification",
 * the protocol and cipher, or the alert that ended it. The page has no standard input, so it
 * closes after the handshake, as `s_client … </dev/null` does.
 */
import {
  FAILURE_LAYER,
  type ConnectionLayer,
  type HandshakeReport,
  type HandshakeStep,
} from '../../../tls/handshake-report.ts';
import type { CommandContext } from '../../command.ts';
import { NO_REGISTRY } from '../../registry-port.ts';
import { OPENSSL_FAILURE, readFile, required, type OpensslSubcommand } from './openssl-common.ts';

export const sClient: OpensslSubcommand = {
  name: 's_client',
  summary: "connect to the lab's broker over mutual TLS and show the handshake",
  options: [
    {
      flag: '-connect',
      value: 'host:port',
      summary: "the broker's address (here: the page's lab)",
    },
    {
      flag: '-cert',
      value: 'file',
      summary: 'the device certificate (and intermediates)',
      complete: 'file',
    },
    {
      flag: '-key',
      value: 'file',
      summary: "the device certificate's private key",
      complete: 'file',
    },
    {
      flag: '-CAfile',
      value: 'file',
      summary: "CAs trusted for the broker's certificate",
      complete: 'file',
    },
    { flag: '-servername', value: 'name', summary: 'the name to ask for (SNI) and check' },
  ],
  async run(ctx, args) {
    if (!ctx.tls) {
      ctx.stderr.write(`s_client: ${NO_REGISTRY}\n`);
      return OPENSSL_FAILURE;
    }
    const certPath = required(ctx, 's_client', args, '-cert', 'the lab asks every device for one');
    const keyPath = required(ctx, 's_client', args, '-key', "name the certificate's private key");
    if (certPath === undefined || keyPath === undefined) return OPENSSL_FAILURE;

    const certificatePem = await readFile(ctx, 's_client', certPath, 'the certificate');
    const privateKeyPem = certificatePem && (await readFile(ctx, 's_client', keyPath, 'the key'));
    const caPath = args.values.get('-CAfile')?.at(-1);
    const caPem = caPath === undefined ? undefined : await readFile(ctx, 's_client', caPath, 'CAs');
    if (!certificatePem || privateKeyPem === undefined || (caPath && caPem === undefined)) {
      return OPENSSL_FAILURE;
    }

    const serverName = args.values.get('-servername')?.at(-1);
    const attempt = await ctx.tls.handshake({
      certificatePem,
      privateKeyPem,
      ...(caPem === undefined ? {} : { caPem }),
      ...(serverName === undefined ? {} : { serverName }),
    });
    if (!attempt.ok) {
      ctx.stderr.write(`s_client: ${attempt.why}\n`);
      return OPENSSL_FAILURE;
    }

    sayWhere(
      ctx,
      args.values.get('-connect')?.at(-1),
      attempt.label,
      attempt.address,
      attempt.report,
    );
    return printReport(ctx, attempt.report);
  },
};

/** Whether this was real TLS or the model, and where it went, before anything else. */
function sayWhere(
  ctx: CommandContext,
  asked: string | undefined,
  label: string,
  address: string,
  report: HandshakeReport,
): void {
  if (asked !== undefined && asked !== address) {
    ctx.stderr.write(
      `note: in the page, s_client connects to the page's lab (${label}), not ${asked}.\n`,
    );
  }
  ctx.stderr.write(
    report.mode === 'emulated'
      ? "note: emulated: the in-page lab's model of TLS 1.3 (real keys and signatures, no TLS " +
          'record layer). Pick the lab server (npm start) for a real handshake.\n'
      : `note: real TLS: the lab server ran this handshake with its mutual TLS listener at ${address}.\n`,
  );
}

function printReport(ctx: CommandContext, report: HandshakeReport): number {
  const out = ctx.stdout;
  if (report.failure?.code === 'connection-refused') {
    out.write(`connect:errno=111\n${report.failure.message}\n`);
    return OPENSSL_FAILURE;
  }

  out.write('CONNECTED(00000003)\n');
  for (const step of report.steps) out.write(stepLines(step));

  if (report.alert) {
    const { name, code, by } = report.alert;
    const words = name.replaceAll('_', ' ');
    out.write(`${by === 'client' ? '>>>' : '<<<'} TLS 1.3, Alert, fatal ${name}\n`);
    out.write(`error:SSL routines::tlsv1 alert ${words}:SSL alert number ${code ?? '?'}\n`);
  }
  out.write('---\n');

  const tlsDone =
    report.outcome === 'connected' ||
    (report.failure !== null && AFTER_TLS.includes(FAILURE_LAYER[report.failure.code]));
  if (!tlsDone) {
    out.write(`${report.failure?.message ?? 'The handshake failed.'}\n`);
    return OPENSSL_FAILURE;
  }

  const protocol = report.protocol ?? 'TLSv1.3';
  out.write(
    `Verification: OK\n---\nNew, ${protocol}, Cipher is ${report.cipher ?? '(none)'}\n---\n`,
  );
  if (report.identity) {
    ctx.stderr.write(
      `note: the broker accepted the device as ${report.identity.subject} ` +
        `(certificate ID ${report.identity.certificateId.slice(0, 12)}…).\n`,
    );
  }
  // TLS itself succeeded, which is all s_client reports on; what the lab refused after it
  // (the certificate's status, or MQTT's CONNECT) is the broker's, so it is a note.
  if (report.failure) ctx.stderr.write(`note: after the handshake: ${report.failure.message}\n`);
  return 0;
}

/** The layers past TLS: a failure there still means the TLS handshake completed. */
const AFTER_TLS: readonly ConnectionLayer[] = ['certificate-status', 'mqtt'];

/** Steps that are not TLS messages: the lab's registry lookup and MQTT's packets. */
const LAYER_OF_STEP: Record<string, string> = {
  'Registry lookup': 'Lab',
  CONNECT: 'MQTT',
  CONNACK: 'MQTT',
};

/** `>>>` for what the device sent, `<<<` for what it received, then any check that failed. */
function stepLines(step: HandshakeStep): string {
  const arrow = step.from === 'client' ? '>>>' : '<<<';
  const layer = LAYER_OF_STEP[step.message];
  const head = layer
    ? `${arrow} ${layer}, ${step.message}`
    : `${arrow} TLS 1.3, Handshake, ${step.message}`;
  const failed = step.checks.filter((c) => !c.passed);
  const checks = failed.map(
    (c) => `${layer ? 'refused' : 'verify error'}:${c.what}: ${c.detail}\n`,
  );

  return `${head}\n${checks.join('')}`;
}
