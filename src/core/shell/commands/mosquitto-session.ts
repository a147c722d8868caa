/**
 * Connecting for mosquitto_sub and mosquitto_pub: the notes about what differs in the page,
 * the client ID, the `-d` packet log, and turning a failed connection into the exit status the
 * real clients give (the CONNACK return code when the broker refused, 1 otherwise).
 */
import type { CommandContext } from '../command.ts';
import {
  MqttConnectFailure,
  type BrokerDescription,
  type MqttPortSession,
  type PortRefusal,
} from '../mqtt-port.ts';
import { has, lastValue, type ParsedOptions } from '../options.ts';
import type { MosquittoTool } from './mosquitto-options.ts';

/** Exit status when the connection failed without a CONNACK refusal. */
export const CONNECT_FAILED = 1;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);
const TLS_OPTIONS = ['--cafile', '--cert', '--key'];

/** The `-d` log: one line per packet, only when asked for, on standard output as the real clients do. */
export interface PacketLog {
  (line: string): void;
  readonly enabled: boolean;
}

export function packetLog(ctx: CommandContext, parsed: ParsedOptions, clientId: string): PacketLog {
  const enabled = has(parsed, '-d');
  const log = (line: string) => {
    if (enabled) ctx.stdout.write(`Client ${clientId} ${line}\n`);
  };

  return Object.assign(log, { enabled });
}

/**
 * The client ID: -i, or `sub-`/`pub-` and six random letters and digits. (mosquitto 2 sends an
 * empty ID and lets the broker choose; the lab's event stream needs one to follow the client.)
 */
export function clientIdFor(parsed: ParsedOptions, prefix: 'sub' | 'pub'): string {
  const given = lastValue(parsed, '-i');
  if (given !== undefined) return given;

  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += alphabet[Math.floor(Math.random() * alphabet.length)];

  return `${prefix}-${suffix}`;
}

/** One-line notes for options that mean something else in the page than in a native tool. */
export function pageNotes(
  tool: MosquittoTool,
  parsed: ParsedOptions,
  port: number | undefined,
  broker: BrokerDescription,
): string[] {
  const notes: string[] = [];
  const host = lastValue(parsed, '-h');

  if (host !== undefined || port !== undefined) {
    const given = [host === undefined ? '' : `-h ${host}`, port === undefined ? '' : `-p ${port}`]
      .filter(Boolean)
      .join(' ');
    const native = broker.native;
    const sameHost = host === undefined || (native && sameAddress(host, native.host));
    const samePort = port === undefined || port === native?.port;
    if (!native) {
      notes.push(
        `note: in the page, ${tool} always uses the page's broker (${broker.label}); ` +
          `${given} is only read by a native ${tool}.`,
      );
    } else if (!sameHost || !samePort) {
      notes.push(
        `note: in the page, ${tool} always uses the page's broker (${broker.label}); a native ` +
          `${tool} reaches it with -h ${native.host} -p ${native.port}, not ${given}.`,
      );
    }
  }

  if (TLS_OPTIONS.some((flag) => has(parsed, flag))) {
    notes.push(
      `note: --cafile, --cert and --key are read by a native ${tool} against the lab server's ` +
        `TLS port; the page cannot present a client certificate, so here they are not used ` +
        `(mutual TLS comes in a later lesson).`,
    );
  }

  return notes;
}

/** Connects, logging CONNECT and CONNACK; on failure, says why and gives the exit status. */
export async function connect(
  ctx: CommandContext,
  clientId: string,
  log: PacketLog,
): Promise<{ ok: true; session: MqttPortSession } | { ok: false; status: number }> {
  log('sending CONNECT');
  try {
    const session = await ctx.mqtt.connect({ clientId });
    log('received CONNACK (0)');
    return { ok: true, session };
  } catch (error) {
    if (error instanceof MqttConnectFailure) {
      if (error.connackCode !== undefined) {
        log(`received CONNACK (${error.connackCode})`);
        ctx.stderr.write(`Connection error: ${error.title}. ${error.message}\n`);
        return { ok: false, status: error.connackCode };
      }
      ctx.stderr.write(`Error: ${error.title}. ${error.message}\n`);
      return { ok: false, status: CONNECT_FAILED };
    }
    ctx.stderr.write(`Error: could not connect: ${(error as Error).message}\n`);
    return { ok: false, status: CONNECT_FAILED };
  }
}

/** A refusal a lab broker explained, on standard error. */
export function reportRefusal(ctx: CommandContext, refusal: PortRefusal): void {
  const rule = refusal.rule ? ` [${refusal.rule}]` : '';
  ctx.stderr.write(
    `lab refused ${refusal.action} ${refusal.target}: ${refusal.title}. ${refusal.message}${rule}\n`,
  );
}

/** Ends the session, ignoring a connection that is already gone. */
export async function disconnect(session: MqttPortSession, log: PacketLog): Promise<void> {
  log('sending DISCONNECT');
  await session.end().catch(() => {
    // Already closed by the broker: there is nothing left to end, and the learner was told.
  });
}

function sameAddress(a: string, b: string): boolean {
  return a === b || (LOOPBACK.has(a) && LOOPBACK.has(b));
}
