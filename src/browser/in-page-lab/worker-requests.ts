/**
 * What the in-page lab's worker does with each request from the page. Kept apart from the
 * worker's start-up so tests can serve requests in Node with a broker and registry of their own.
 */
import { portableError, type WorkerReply, type WorkerRequest } from './channel-protocol.ts';
import type { InPageBroker } from './lab-broker.ts';
import { portStream, sendEvent, sendTlsOutcome } from './port-stream.ts';
import type { TlsGate } from './tls-gate.ts';

export interface LabServices {
  /** The broker, once started; a rejection means it could not start (the page was told). */
  broker: Promise<InPageBroker>;
  /** The TLS side, made on first use. */
  tls(): TlsGate;
}

export function serveRequest(request: WorkerRequest, lab: LabServices): void {
  switch (request.kind) {
    case 'connect':
      void connect(request, lab);
      return;
    case 'tls-probe':
      answer(request.reply, async () => ({
        kind: 'report',
        report: await lab.tls().handshake(request.tls, dateOf(request.at)),
      }));
      return;
  }
}

async function connect(
  { port, tls, at }: Extract<WorkerRequest, { kind: 'connect' }>,
  lab: LabServices,
): Promise<void> {
  // Connections that arrive while the broker starts wait for it; their bytes queue meanwhile.
  const broker = await lab.broker.catch(() => null);
  // The page was told why in 'failed'; ending the channel fails this connect at once.
  if (!broker) return void portStream(port).destroy();
  const tell = (event: Parameters<typeof sendEvent>[1]) => sendEvent(port, event);
  if (!tls) return broker.handle(portStream(port), tell);

  // Mutual TLS comes before MQTT: the broker reads no byte until the handshake has passed.
  try {
    const report = await lab.tls().handshake(tls, dateOf(at));
    sendTlsOutcome(port, { kind: 'tls-report', report });
    if (report.outcome !== 'connected' || !report.identity) return void portStream(port).destroy();
    broker.handle(portStream(port), tell, report.identity);
  } catch (error) {
    sendTlsOutcome(port, { kind: 'tls-error', ...portableError(error) });
    portStream(port).destroy();
  }
}

/** Runs `work` and posts its result, or its error, on the request's reply port. */
function answer(reply: MessagePort, work: () => Promise<WorkerReply>): void {
  work()
    .catch((error: unknown): WorkerReply => ({ kind: 'error', ...portableError(error) }))
    .then((message) => {
      reply.postMessage(message);
      reply.close();
    });
}

function dateOf(at: string | undefined): Date | undefined {
  return at === undefined ? undefined : new Date(at);
}
