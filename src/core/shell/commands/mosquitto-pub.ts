/**
 * mosquitto_pub in the page: publish one message (or, with -l, one per line) to a topic name,
 * with the real client's options, output shape and exit statuses. The topic name is checked
 * before connecting.
 */
import { validateTopicName } from '../../mqtt/index.ts';
import { utf8ByteLength } from '../../mqtt/topic-problem.ts';
import { INTERRUPTED, type Command, type CommandContext, type OptionSpec } from '../command.ts';
import { fileName } from '../file-area.ts';
import type { MqttPortSession, QoS } from '../mqtt-port.ts';
import { has, lastValue, parseOptions, type ParsedOptions } from '../options.ts';
import { printable } from '../printable.ts';
import {
  CONNECTION_OPTIONS,
  USAGE_ERROR,
  describeOptionProblem,
  helpText,
  printHelp,
  readPort,
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

const TOOL = 'mosquitto_pub';

/** Exit status when the broker closed the connection while publishing. */
const BROKER_ENDED = 1;

const OPTIONS: readonly OptionSpec[] = [
  { flag: '-t', value: 'topic', summary: 'topic name to publish to', complete: 'topic' },
  { flag: '-m', value: 'message', summary: 'the message to send' },
  {
    flag: '-f',
    value: 'file',
    summary: 'send the contents of a file from your files',
    complete: 'file',
  },
  { flag: '-n', summary: 'send a null (zero-length) message' },
  { flag: '-l', summary: 'send each line of -m or -f as a message of its own' },
  { flag: '-r', summary: 'ask the broker to retain the message' },
  ...CONNECTION_OPTIONS,
];

const MESSAGE_SOURCES = ['-m', '-f', '-n'] as const;

const SYNOPSIS =
  `${TOOL} -t topic {-m message | -f file | -n} [-l] [-r] [-q qos] [-i id] [-d] ` +
  '[-h host] [-p port] [--cafile file --cert file --key file]';

const HELP = helpText(
  `${TOOL} publishes a message to a topic name, then disconnects.`,
  SYNOPSIS,
  OPTIONS,
  [
    "In the page it connects to the page's broker, so the playground sees what you publish.",
    'The page has no standard input, so -l splits the -m text or the -f file into lines instead.',
    'A retained null message (-r -n) deletes the message the broker keeps for that topic.',
    'Exit status: 0 once sent; 130 after Ctrl-C; 1 for a wrong command line, an invalid topic name or a failed connection; the CONNACK code when the broker refuses the connection.',
  ],
);

interface Request {
  topic: string;
  messages: string[];
  qos: QoS;
  retain: boolean;
  port: number | undefined;
  parsed: ParsedOptions;
}

export const mosquittoPub: Command = {
  name: TOOL,
  summary: 'publish a message to a topic name',
  usage: SYNOPSIS,
  options: OPTIONS,
  async run(ctx) {
    const request = await readRequest(ctx);
    if (typeof request === 'number') return request;

    const broker = await ctx.mqtt.describe();
    for (const note of pageNotes(TOOL, request.parsed, request.port, broker)) {
      ctx.stderr.write(`${note}\n`);
    }

    const clientId = clientIdFor(request.parsed, 'pub');
    const log = packetLog(ctx, request.parsed, clientId);
    const connected = await connect(ctx, clientId, log);
    if (!connected.ok) return connected.status;

    return publishAll(ctx, connected.session, request, log);
  },
};

/** Options read and checked, the message(s) loaded, or the exit status of a bad command line. */
async function readRequest(ctx: CommandContext): Promise<Request | number> {
  const parsed = parseOptions(ctx.argv.slice(1), OPTIONS, { operands: false });
  if (!parsed.ok) {
    return usageError(ctx, TOOL, SYNOPSIS, describeOptionProblem(TOOL, parsed.problem));
  }

  const options = parsed.parsed;
  if (has(options, '--help')) {
    return printHelp(ctx, HELP);
  }

  const sources = MESSAGE_SOURCES.flatMap((flag) => options.values.get(flag) ?? []);
  if (sources.length > 1) {
    return usageError(ctx, TOOL, SYNOPSIS, 'Give one message: -m, -f or -n, once.');
  }
  if (has(options, '-l') && (has(options, '-n') || sources.length === 0)) {
    return usageError(
      ctx,
      TOOL,
      SYNOPSIS,
      '-l splits the text of -m or -f into lines; give one of them.',
    );
  }

  const topic = lastValue(options, '-t');
  if (topic === undefined || sources.length === 0) {
    return usageError(
      ctx,
      TOOL,
      SYNOPSIS,
      'Give both a topic name (-t) and a message (-m, -f or -n).',
    );
  }

  const qos = readQos(options);
  if (!qos.ok) return usageError(ctx, TOOL, SYNOPSIS, qos.problem);
  const port = readPort(options);
  if (!port.ok) return usageError(ctx, TOOL, SYNOPSIS, port.problem);

  const problems = validateTopicName(topic, 'mqtt');
  if (problems.length > 0) {
    ctx.stderr.write(
      `Error: the topic name ${JSON.stringify(topic)} is invalid, so ${TOOL} did not ` +
        'connect or send it.\n',
    );
    for (const p of problems) ctx.stderr.write(`  [${p.rule}] ${p.title}: ${p.message}\n`);
    return USAGE_ERROR;
  }

  const text = await messageText(ctx, options);
  if (text === undefined) return USAGE_ERROR;

  return {
    topic,
    messages: has(options, '-l') ? lines(text) : [text],
    qos: qos.value,
    retain: has(options, '-r'),
    port: port.value,
    parsed: options,
  };
}

/** The text of -m, of the -f file, or '' for -n; undefined (after saying why) when unreadable. */
async function messageText(
  ctx: CommandContext,
  options: ParsedOptions,
): Promise<string | undefined> {
  const path = lastValue(options, '-f');
  if (path === undefined) return lastValue(options, '-m') ?? '';

  const name = fileName(path);
  if (!name.ok) {
    ctx.stderr.write(`Error: cannot read ${path}: ${name.why}.\n`);
    return undefined;
  }
  const text = await ctx.files.read(name.name);
  if (text === undefined) {
    ctx.stderr.write(`Error: there is no file ${name.name} in your files; 'ls' lists them.\n`);
  }

  return text;
}

/** Lines of a text; a final newline ends the last line rather than starting an empty one. */
function lines(text: string): string[] {
  const all = text.split(/\r?\n/);
  if (all.length > 1 && all.at(-1) === '') all.pop();

  return all;
}

async function publishAll(
  ctx: CommandContext,
  session: MqttPortSession,
  request: Request,
  log: PacketLog,
): Promise<number> {
  // Listened to until DISCONNECT is done: a lab broker explains a refused PUBLISH just before
  // or just after it closes the connection.
  const ending = { closedBy: null as string | null, refused: false };
  let brokerClosed: () => void = () => {};
  // A QoS 1 or 2 publish whose connection closes never gets its acknowledgement.
  const closed = new Promise<'closed'>((resolve) => (brokerClosed = () => resolve('closed')));
  const stops = [
    session.on('refusal', (refusal) => {
      ending.refused = true;
      reportRefusal(ctx, refusal);
    }),
    session.on('closed', ({ byClient, reason }) => {
      if (byClient) return;
      ending.closedBy = reason;
      brokerClosed();
    }),
  ];
  const { topic, qos, retain } = request;

  let status = 0;
  for (const [i, payload] of request.messages.entries()) {
    if (ctx.signal.aborted) {
      status = INTERRUPTED;
      break;
    }
    const mid = i + 1;
    log(
      `sending PUBLISH (d0, q${qos}, r${retain ? 1 : 0}, m${mid}, '${printable(topic)}', ` +
        `... (${utf8ByteLength(payload)} bytes))`,
    );
    try {
      const sent = await Promise.race([session.publish(topic, payload, { qos, retain }), closed]);
      if (sent === 'closed') break;
    } catch (error) {
      ctx.stderr.write(`Error: the message was not sent: ${(error as Error).message}\n`);
      status = BROKER_ENDED;
      break;
    }
    acknowledge(log, qos, mid);
    ctx.names.recordTopic(topic);
    ctx.emit({ kind: 'published', topic, payload, qos, retain });
  }

  if (ending.closedBy === null) await disconnect(session, log);
  stops.forEach((stop) => stop());

  if (ending.closedBy !== null) {
    ctx.stderr.write(`Error: the broker closed the connection. ${ending.closedBy}\n`);
  }
  return ending.refused || ending.closedBy !== null ? BROKER_ENDED : status;
}

/** The acknowledgements a QoS 1 or 2 publish waited for [MQTT-4.3.2-1, MQTT-4.3.3-1]. */
function acknowledge(log: PacketLog, qos: QoS, mid: number): void {
  if (qos === 1) log(`received PUBACK (Mid: ${mid})`);
  if (qos === 2) {
    log(`received PUBREC (Mid: ${mid})`);
    log(`sending PUBREL (Mid: ${mid})`);
    log(`received PUBCOMP (Mid: ${mid})`);
  }
}
