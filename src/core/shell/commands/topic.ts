/**
 * `topic check <filter> <topic>…`: the project's topic checker (src/core/commands/topic-check.ts),
 * the same words as `npx handshake topic check` and the lesson's topic filter tester.
 */
import { runTopicCheck } from '../../commands/topic-check.ts';
import type { Command } from '../command.ts';

const USAGE = 'topic check <filter> <topic>… [--profile mqtt|aws-iot] [--json]';

export const topic: Command = {
  name: 'topic',
  summary: 'check topic names against a topic filter, and say why they match or not',
  usage: USAGE,
  options: [
    {
      flag: '--profile',
      value: 'name',
      summary: 'mqtt (default) or aws-iot',
      complete: { words: ['mqtt', 'aws-iot'] },
    },
    { flag: '--json', summary: 'print the results as JSON' },
    { flag: '--help', summary: 'show the full help' },
  ],
  operands: [{ words: ['check'] }, 'filter', 'topic'],
  async run(ctx) {
    const [, sub, ...args] = ctx.argv;
    if (sub !== 'check') {
      const what = sub === undefined ? 'say what to do' : `unknown subcommand '${sub}'`;
      ctx.stderr.write(`topic: ${what}.\nUsage: ${USAGE}\n`);
      return 2;
    }

    const result = runTopicCheck(args);
    // The checker names itself as the Node command; here it is `topic check`.
    ctx.stdout.write(result.stdout.replaceAll('handshake topic check', 'topic check'));
    ctx.stderr.write(result.stderr.replaceAll('handshake topic check', 'topic check'));
    return result.exitCode;
  },
};
