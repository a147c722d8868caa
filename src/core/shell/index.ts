/**
 * The terminal's shell: a POSIX-ish command line, the course's commands (mosquitto_sub and
 * mosquitto_pub, files, json, topic check), line editing and completion, behind ports for the
 * screen, the files and the broker.
 */
export {
  INTERRUPTED,
  type Clock,
  type Command,
  type CommandContext,
  type CompletionHint,
  type ExitStatus,
  type OptionSpec,
  type Writer,
} from './command.ts';
export { STANDARD_COMMANDS } from './commands/index.ts';
export { complete, completionText, type Completion } from './complete.ts';
export {
  FileAreaError,
  MemoryFileArea,
  fileName,
  type FileArea,
  type FileEntry,
} from './file-area.ts';
export { GOAL_KINDS, GoalTracker, type TerminalGoal } from './goal.ts';
export { LabNames, NAME_KINDS, type NameKind } from './lab-names.ts';
export { lex, type Token } from './lex.ts';
export {
  MqttConnectFailure,
  type BrokerDescription,
  type MqttPort,
  type MqttPortSession,
  type PortMessage,
  type PortRefusal,
  type PortSessionEvents,
  type QoS,
} from './mqtt-port.ts';
export { parseLine, type ParsedLine, type Step } from './parse-line.ts';
export { CommandRegistry } from './registry.ts';
export {
  NOT_FOUND,
  SYNTAX_ERROR,
  Shell,
  type LineIo,
  type ShellOptions,
  type ShellPorts,
} from './shell.ts';
export type { ShellEvent } from './shell-event.ts';
export { createInterrupter, type InterruptSignal, type Interrupter } from './signal.ts';
export type { TerminalPort } from './terminal-port.ts';
export { PROMPT, TerminalSession } from './terminal-session.ts';
