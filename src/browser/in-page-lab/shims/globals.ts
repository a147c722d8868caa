import { Buffer } from 'buffer';
import { clearImmediate, setImmediate } from './immediate.ts';
import process from './process.ts';
import { clearInterval, clearTimeout, setInterval, setTimeout } from './timers.ts';

/*
 * aedes and its dependencies use Node's globals without importing them. The worker imports
 * this module before anything else, so they exist before those modules run. The timers
 * replace the browser's own: everything in this worker is Node code that expects Node's.
 */
const scope = globalThis as Record<string, unknown>;
Object.assign(scope, { setTimeout, clearTimeout, setInterval, clearInterval });
scope['Buffer'] ??= Buffer;
scope['process'] ??= process;
scope['setImmediate'] ??= setImmediate;
scope['clearImmediate'] ??= clearImmediate;
scope['global'] ??= globalThis;
