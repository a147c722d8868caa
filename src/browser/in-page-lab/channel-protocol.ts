import type { LabEvent } from '../../core/lab/lab-event.ts';

/*
 * The page and the in-page lab's worker talk over two kinds of port. The worker's own port
 * carries requests and lab-wide news; each MQTT connection gets a MessageChannel of its own,
 * so its bytes, its lab events and its end arrive in the order the broker made them.
 */

/** Page to worker, on the worker's port. */
export type WorkerRequest = { kind: 'connect'; port: MessagePort };

/** Worker to page, on the worker's port. */
export type WorkerNews =
  | { kind: 'ready'; persistent: boolean }
  | { kind: 'failed'; message: string }
  | { kind: 'event'; event: LabEvent }
  | { kind: 'warning'; message: string };

/** Either way on a connection's channel: raw MQTT bytes, a lab event about it, or its end. */
export type ChannelMessage = Uint8Array | { kind: 'event'; event: LabEvent } | { kind: 'end' };
