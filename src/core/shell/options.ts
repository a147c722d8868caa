/**
 * Reads arguments against a command's option list the way mosquitto's clients do: every option
 * is a word of its own, a value is always the next word (even one starting with '-'), and
 * anything else is an operand or, for commands without operands, a mistake.
 */
import type { OptionSpec } from './command.ts';

export interface ParsedOptions {
  /** Every value given for each option, in order; a switch gets '' each time it is given. */
  values: Map<string, string[]>;
  operands: string[];
}

export type OptionProblem =
  | { kind: 'unknown'; word: string }
  | { kind: 'missing-value'; option: OptionSpec };

export type OptionsResult =
  | { ok: true; parsed: ParsedOptions }
  | { ok: false; problem: OptionProblem };

/**
 * Parses `args`. With `operands: false`, a word that is not an option is reported as unknown,
 * as mosquitto_sub reports `mosquitto_sub foo`. A `--` ends the options.
 */
export function parseOptions(
  args: readonly string[],
  specs: readonly OptionSpec[],
  settings: { operands: boolean },
): OptionsResult {
  const values = new Map<string, string[]>();
  const operands: string[] = [];

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;

    if (arg === '--' && settings.operands) {
      operands.push(...args.slice(i + 1));
      break;
    }

    const spec = specs.find((s) => s.flag === arg);
    if (!spec) {
      const looksLikeOption = arg.startsWith('-') && arg !== '-';
      if (looksLikeOption || !settings.operands) return fail({ kind: 'unknown', word: arg });
      operands.push(arg);
      continue;
    }

    const given = values.get(spec.flag) ?? [];
    if (spec.value === undefined) {
      values.set(spec.flag, [...given, '']);
      continue;
    }

    const value = args[i + 1];
    if (value === undefined) return fail({ kind: 'missing-value', option: spec });
    values.set(spec.flag, [...given, value]);
    i += 1;
  }

  return { ok: true, parsed: { values, operands } };
}

/** The last value of an option (a repeated one that is not `repeatable`: the last wins). */
export function lastValue(parsed: ParsedOptions, flag: string): string | undefined {
  return parsed.values.get(flag)?.at(-1);
}

export function has(parsed: ParsedOptions, flag: string): boolean {
  return parsed.values.has(flag);
}

/** `[-t topic] [-v]`-style text for a list of options. */
export function optionsSynopsis(specs: readonly OptionSpec[]): string {
  return specs.map((s) => `[${s.flag}${s.value ? ` ${s.value}` : ''}]`).join(' ');
}

/** One line per option, aligned: `  -t topic    the topic filter …`. */
export function optionsTable(specs: readonly OptionSpec[]): string {
  const left = specs.map((s) => `${s.flag}${s.value ? ` ${s.value}` : ''}`);
  const width = Math.max(...left.map((l) => l.length));

  return specs.map((s, i) => `  ${left[i]!.padEnd(width)}  ${s.summary}`).join('\n');
}

function fail(problem: OptionProblem): OptionsResult {
  return { ok: false, problem };
}
