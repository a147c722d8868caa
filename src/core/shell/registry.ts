/**
 * The commands a shell can run. Later lessons add theirs (openssl, aws iot) with `add`; each
 * brings its own usage, options and completion hints, so help and Tab know it at once.
 */
import type { Command } from './command.ts';

/** Commands that exist in the course's plan but not yet in this terminal, and where they come. */
const ARRIVING_LATER: Record<string, string> = {};

export class CommandRegistry {
  private readonly commands = new Map<string, Command>();

  constructor(commands: readonly Command[] = []) {
    commands.forEach((c) => this.add(c));
  }

  /** Adds a command; a name can be taken once. */
  add(command: Command): void {
    if (this.commands.has(command.name)) {
      throw new Error(`A command named '${command.name}' is already registered.`);
    }
    this.commands.set(command.name, command);
  }

  find(name: string): Command | undefined {
    return this.commands.get(name);
  }

  list(): Command[] {
    return [...this.commands.values()];
  }

  /** What to say about a name that is not a command: where it is coming, or what was meant. */
  explainMissing(name: string): string {
    const later = ARRIVING_LATER[name];
    if (later) return `${name}: not in this terminal yet; ${later}. 'help' lists what is here.`;

    const near = this.list()
      .map((c) => ({ name: c.name, distance: editDistance(name, c.name) }))
      .filter((c) => c.distance <= 2)
      .sort((a, b) => a.distance - b.distance)[0];
    const hint = near ? ` Did you mean ${near.name}?` : " 'help' lists the commands.";

    return `${name}: command not found.${hint}`;
  }
}

/** Levenshtein distance: the fewest one-character edits from `a` to `b`. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost);
    }
    row = next;
  }
  return row[b.length]!;
}
