/** Every command the terminal knows, in the order `help` lists them. */
import type { Command } from '../command.ts';
import { clear, help, history } from './builtins.ts';
import { aws } from './aws/index.ts';
import { cat, echo, ls, rm } from './files.ts';
import { json } from './json.ts';
import { mosquittoPub } from './mosquitto-pub.ts';
import { mosquittoSub } from './mosquitto-sub.ts';
import { openssl } from './openssl/index.ts';
import { topic } from './topic.ts';

export const STANDARD_COMMANDS: readonly Command[] = [
  mosquittoSub,
  mosquittoPub,
  topic,
  json,
  openssl,
  aws,
  echo,
  cat,
  ls,
  rm,
  help,
  clear,
  history,
];
