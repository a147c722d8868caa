#!/usr/bin/env node
// The `handshake` command. The lab is written in TypeScript; tsx runs it without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/sandbox/cli.ts');
process.exitCode = await main(process.argv.slice(2));
