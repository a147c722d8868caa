/**
 * `handshake topic check <filter> <topic>...`: does each topic name match the topic filter, and
 * why. Pure, so the terminal widget and the Node CLI print the same words.
 */
import { matchTopic, type TopicMatch } from '../mqtt/topic-match.ts';
import { PROFILE_DESCRIPTIONS, PROFILES, isProfile, type Profile } from '../mqtt/profile.ts';
import { validateTopicFilter } from '../mqtt/topic-filter.ts';
import { quote } from '../mqtt/topic-problem.ts';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

interface TopicCheckOptions {
  filter: string;
  topics: string[];
  /** Default: 'mqtt'. */
  profile: Profile;
  /** Default: false, a table for people. */
  json: boolean;
}

type ParsedArgs =
  | { kind: 'check'; options: TopicCheckOptions }
  | { kind: 'help' }
  | { kind: 'mistake'; problem: string };

const COMMAND = 'handshake topic check';

/** The widest status, so the column lines up the same way whatever the results. */
const STATUS_WIDTH = '✘ no match'.length;

const PROFILE_LINES = PROFILES.map(
  (p) => `${' '.repeat(23)}${p.padEnd(8)} ${PROFILE_DESCRIPTIONS[p]}`,
);

export const TOPIC_CHECK_USAGE = `Usage: ${COMMAND} <filter> <topic>... [--profile <name>] [--json]

Checks each topic name against one topic filter and says whether it matches, and why.

Arguments:
  <filter>           the topic filter a client subscribes with, e.g. 'sport/#'
  <topic>...         one or more topic names a client publishes to, e.g. sport/tennis

Options:
  --profile <name>   which rules apply (default: mqtt)
${PROFILE_LINES.join('\n')}
  --json             print a JSON array of {"topic", "valid", "matched", "reason"}
  -h, --help         show this help
  --                 treat everything after it as a topic, even if it starts with '-'

Quote a filter that starts with '#': most shells read '#' there as the start of a comment.
Exit status: 0 when the check ran, whether or not the topics match; 2 for a usage
mistake or an invalid filter.`;

/** Runs the command on the words after `topic check`. */
export function runTopicCheck(args: string[]): CommandResult {
  const parsed = parseArgs(args);
  if (parsed.kind === 'help') return { exitCode: 0, stdout: `${TOPIC_CHECK_USAGE}\n`, stderr: '' };
  if (parsed.kind === 'mistake') return usageError(parsed.problem);

  const { filter, topics, profile, json } = parsed.options;

  const filterProblems = validateTopicFilter(filter, profile);
  if (filterProblems.length > 0) {
    const lines = [
      `${COMMAND}: the topic filter ${quote(filter)} is invalid in the ${profile} profile.`,
      ...filterProblems.map((p) => `  ${p.rule} (${p.title}): ${p.message}`),
    ];
    return { exitCode: 2, stdout: '', stderr: `${lines.join('\n')}\n` };
  }

  const matches = topics.map((topic) => matchTopic(filter, topic, profile));
  const stdout = json ? formatJson(matches) : formatTable(filter, profile, matches);

  return { exitCode: 0, stdout, stderr: '' };
}

/** The options, a request for help, or a sentence saying what is wrong with the command line. */
function parseArgs(args: string[]): ParsedArgs {
  const positionals: string[] = [];
  let profile: string = 'mqtt';
  let json = false;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';

    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--json') {
      json = true;
    } else if (arg === '--profile') {
      const value = args[i + 1];
      if (value === undefined)
        return mistake(`'--profile' needs a value: ${PROFILES.join(' or ')}.`);
      profile = value;
      i++;
    } else if (arg.startsWith('--profile=')) {
      profile = arg.slice('--profile='.length);
    } else if (arg.startsWith('-') && arg !== '-') {
      return mistake(`unknown option '${arg}'.`);
    } else {
      positionals.push(arg);
    }
  }

  if (!isProfile(profile)) {
    return mistake(`unknown profile '${profile}'; use one of: ${PROFILES.join(', ')}.`);
  }

  const [filter, ...topics] = positionals;
  if (filter === undefined)
    return mistake('missing the topic filter and the topic names to check.');
  if (topics.length === 0) {
    return mistake(`missing the topic names to check against ${quote(filter)}.`);
  }

  return { kind: 'check', options: { filter, topics, profile, json } };
}

function mistake(problem: string): ParsedArgs {
  return { kind: 'mistake', problem };
}

function usageError(problem: string): CommandResult {
  return { exitCode: 2, stdout: '', stderr: `${COMMAND}: ${problem}\n\n${TOPIC_CHECK_USAGE}\n` };
}

/** Exactly the four fields other tools rely on, one object per topic, in the given order. */
function formatJson(matches: TopicMatch[]): string {
  const rows = matches.map(({ topic, valid, matched, reason }) => ({
    topic,
    valid,
    matched,
    reason,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** One aligned line per topic; an invalid topic name gets its rules' advice underneath. */
function formatTable(filter: string, profile: Profile, matches: TopicMatch[]): string {
  const shown = matches.map((m) => displayTopic(m.topic));
  const topicWidth = Math.max(...shown.map((s) => [...s].length));

  const lines = [`topic filter ${quote(filter)}, profile ${profile}`];
  matches.forEach((m, i) => {
    const topic = shown[i] ?? '';
    const pad = ' '.repeat(topicWidth - [...topic].length);
    lines.push(`${status(m).padEnd(STATUS_WIDTH)}  ${topic}${pad}  — ${m.reason}`);

    const indent = ' '.repeat(STATUS_WIDTH + 2);
    for (const problem of m.problems) lines.push(`${indent}↳ ${problem.message}`);
  });

  return `${lines.join('\n')}\n`;
}

function status(m: TopicMatch): string {
  if (!m.valid) return '✘ invalid';

  return m.matched ? '✔ match' : '✘ no match';
}

/** Topic names as typed, but quoted when they are empty or hold spaces or control characters. */
function displayTopic(topic: string): string {
  return topic === '' || /[\s\u0000-\u001f\u007f]/.test(topic) ? quote(topic) : topic;
}
