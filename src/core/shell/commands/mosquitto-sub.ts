/**
 * mosquitto_sub in the page: subscribe with one or more topic filters and print what arrives,
 * with the real client's options, output shape and exit statuses. The filters are checked
 * before connecting, so an invalid one is explained and never reaches the broker.
 */
import { validateTopicFilter } from '../../mqtt/index.ts';
import { INTERRUPTED, type Command, type CommandContext, type OptionSpec } from '../command.ts';
import type { MqttPortSession, PortMessage, QoS } from '../mqtt-port.ts';
import { has, parseOptions, type ParsedOptions } from '../options.ts';
import { printable } from '../printable.ts';
import { whenAborted } from '../signal.ts';
import {
  CONNECTION_OPTIONS,
  USAGE_ERROR,
  describeOptionProblem,
  helpText,
  printHelp,
  readPort,
  readPositive,
  readQos,
  usageError,
} from './mosquitto-options.ts';
import {
  clientIdFor,
  connect,
  disconnect,
  packetLog,
  pageNotes,
  reportRefusal,
  type PacketLog,
} from './mosquitto-session.ts';

const TOOL = 'mosquitto_sub';

/** libmosquitto's MOSQ_ERR_TIMEOUT, which mosquitto_sub returns when -W runs out. */
export const TIMED_OUT = 27;

/** Exit status when the broker closed the connection or refused every filter. */
const BROKER_ENDED = 1;

/** SUBACK's failure return code [MQTT-3.9.3]. */
const SUBACK_FAILURE = 0x80;

const OPTIONS: readonly OptionSpec[] = [
  {
    flag: '-t',
    value: 'filter',
    repeatable: true,
    summary: 'topic filter to subscribe with; may be repeated',
    complete: 'filter',
  },
  { flag: '-v', summary: 'print the topic name before each payload' },
  { flag: '-C', value: 'count', summary: 'disconnect and exit after this many messages' },
  { flag: '-W', value: 'seconds', summary: 'give up after this many seconds (exit status 27)' },
  ...CONNECTION_OPTIONS,
];

const SYNOPSIS =
  `${TOOL} -t filter [-t filter …] [-v] [-C count] [-W seconds] [-q qos] [-i id] [-d] ` +
  '[-h host] [-p port] [--cafile file --cert file --key file]';

const HELP = helpText(
  `${TOOL} subscribes with topic filters and prints each message that arrives.`,
  SYNOPSIS,
  OPTIONS,
  [
    "Quote filters with '#' in them: a shell reads an unquoted '#' at the start of a word as a comment.",
    "In the page it connects to the page's broker, so messages from the playground arrive here.",
    'Exit status: 0 after -C messages; 27 when -W runs out; 130 after Ctrl-C; 1 for a wrong command line, an invalid filter or a failed connection; the CONNACK code when the broker refuses the connection.',
  ],
);

interface Request {
  filters: string[];
  qos: QoS;
  verbose: boolean;
  count: number | undefined;
  timeoutSeconds: number | undefined;
  port: number | undefined;
  parsed: ParsedOptions;
}

export const mosquittoSub: Command = {
  name: TOOL,
  summary: 'subscribe to topic filters and print the messages that arrive',
  usage: SYNOPSIS,
  options: OPTIONS,
  async run(ctx) {
    const request = readRequest(ctx);
    if (typeof request === 'number') return request;

    const broker = await ctx.mqtt.describe();
    for (const note of pageNotes(TOOL, request.parsed, request.port, broker)) {
      ctx.stderr.write(`${note}\n`);
    }

    const clientId = clientIdFor(request.parsed, 'sub');
    const log = packetLog(ctx, request.parsed, clientId);
    const connected = await connect(ctx, clientId, log);
    if (!connected.ok) return connected.status;

    const { session } = connected;
    if (ctx.signal.aborted) {
      await disconnect(session, log);
      return INTERRUPTED;
    }

    return receive(ctx, session, request, log);
  },
};

/** Options read and checked, or the exit status of a command line that cannot run. */
function readRequest(ctx: CommandContext): Request | number {
  const parsed = parseOptions(ctx.argv.slice(1), OPTIONS, { operands: false });
  if (!parsed.ok) {
    return usageError(ctx, TOOL, SYNOPSIS, describeOptionProblem(TOOL, parsed.problem));
  }

  const options = parsed.parsed;
  if (has(options, '--help')) {
    return printHelp(ctx, HELP);
  }

  const filters = options.values.get('-t') ?? [];
  if (filters.length === 0) {
    return usageError(
      ctx,
      TOOL,
      SYNOPSIS,
      "Give a topic filter to subscribe with, e.g. -t 'lab/#'.",
    );
  }

  const qos = readQos(options);
  if (!qos.ok) return usageError(ctx, TOOL, SYNOPSIS, qos.problem);
  const port = readPort(options);
  if (!port.ok) return usageError(ctx, TOOL, SYNOPSIS, port.problem);
  const count = readPositive(options, '-C', 'message count');
  if (!count.ok) return usageError(ctx, TOOL, SYNOPSIS, count.problem);
  const timeout = readPositive(options, '-W', 'timeout');
  if (!timeout.ok) return usageError(ctx, TOOL, SYNOPSIS, timeout.problem);

  for (const filter of filters) {
    const problems = validateTopicFilter(filter, 'mqtt');
    if (problems.length === 0) continue;

    ctx.stderr.write(
      `Error: the topic filter ${JSON.stringify(filter)} is invalid, so ${TOOL} did not ` +
        'connect or send it.\n',
    );
    for (const p of problems) ctx.stderr.write(`  [${p.rule}] ${p.title}: ${p.message}\n`);
    return USAGE_ERROR;
  }

  return {
    filters,
    qos: qos.value,
    port: port.value,
    verbose: has(options, '-v'),
    count: count.value,
    timeoutSeconds: timeout.value,
    parsed: options,
  };
}

/** Subscribes, then prints messages until -C is reached, -W runs out, Ctrl-C or the broker ends. */
async function receive(
  ctx: CommandContext,
  session: MqttPortSession,
  request: Request,
  log: PacketLog,
): Promise<number> {
  let done = false;
  let resolve: (status: number) => void = () => {};
  const finished = new Promise<number>((r) => (resolve = r));
  const finish = (status: number) => {
    done = true;
    resolve(status);
  };
  let received = 0;
  let nextMid = 1;

  const onMessage = (message: PortMessage) => {
    // Messages already on their way when -C was reached are not printed, as in mosquitto_sub.
    if (done) return;
    received += 1;
    // Packet IDs are counted here, not read from the wire; QoS 0 messages have none.
    const mid = message.qos === 0 ? 0 : nextMid++;
    log(
      `received PUBLISH (d0, q${message.qos}, r${message.retain ? 1 : 0}, m${mid}, ` +
        `'${printable(message.topic)}', ... (${message.bytes} bytes))`,
    );
    ctx.stdout.write(`${formatMessage(message, request.verbose)}\n`);
    ctx.names.recordTopic(message.topic);
    ctx.emit({
      kind: 'received',
      run: ctx.run,
      topic: message.topic,
      payload: message.payload,
      retain: message.retain,
      count: received,
    });
    if (request.count !== undefined && received >= request.count) finish(0);
  };

  const stops = [
    session.on('message', onMessage),
    session.on('refusal', (refusal) => reportRefusal(ctx, refusal)),
    session.on('closed', ({ byClient, reason }) => {
      if (byClient) return;
      ctx.stderr.write(`Error: the broker closed the connection. ${reason}\n`);
      finish(BROKER_ENDED);
    }),
  ];
  const abort = whenAborted(ctx.signal);
  void abort.promise.then(() => finish(INTERRUPTED));
  const cancelTimer =
    request.timeoutSeconds === undefined
      ? () => {}
      : ctx.clock.after(request.timeoutSeconds * 1000, () => {
          ctx.stderr.write(`Timed out: ${request.timeoutSeconds} s passed (-W).\n`);
          finish(TIMED_OUT);
        });

  void subscribeAll(ctx, session, request, log).then((allRefused) => {
    if (allRefused) {
      ctx.stderr.write('Error: the broker refused every subscription (SUBACK 0x80).\n');
      finish(BROKER_ENDED);
    }
  });

  const status = await finished;
  cancelTimer();
  abort.stop();
  stops.forEach((stop) => stop());
  await disconnect(session, log);

  return status;
}

/** Sends one SUBSCRIBE per filter; true when the broker refused every one. */
async function subscribeAll(
  ctx: CommandContext,
  session: MqttPortSession,
  request: Request,
  log: PacketLog,
): Promise<boolean> {
  const granted: number[] = [];

  for (const [i, filter] of request.filters.entries()) {
    log(`sending SUBSCRIBE (Mid: ${i + 1}, Topic: ${printable(filter)}, QoS: ${request.qos})`);
    try {
      const code = await session.subscribe(filter, request.qos);
      log('received SUBACK');
      if (log.enabled) ctx.stdout.write(`Subscribed (mid: ${i + 1}): ${code}\n`);
      granted.push(code);
    } catch (error) {
      // The connection went away; the 'closed' listener has already said so.
      if (!ctx.signal.aborted)
        ctx.stderr.write(`Error: SUBSCRIBE failed: ${(error as Error).message}\n`);
      return false;
    }
  }

  const accepted = request.filters.filter((_, i) => granted[i] !== SUBACK_FAILURE);
  if (accepted.length > 0) ctx.emit({ kind: 'subscribed', run: ctx.run, filters: accepted });

  return accepted.length === 0;
}

/** The payload, with `-v` the topic name before it; an empty payload is `(null)` with -v. */
function formatMessage(message: PortMessage, verbose: boolean): string {
  const payload = printable(message.payload);
  if (!verbose) return payload;

  return `${printable(message.topic)} ${message.bytes === 0 ? '(null)' : payload}`;
}
