// First, so that Node's globals exist before aedes and its dependencies run.
import './shims/globals.ts';

import type { WorkerNews, WorkerRequest } from './channel-protocol.ts';
import { createInPageBroker, type InPageBroker } from './lab-broker.ts';
import { portStream, sendEvent } from './port-stream.ts';
import { openRegistryStore } from './registry-store.ts';
import { retainedMessages, type RetainedMessages } from './retained-messages.ts';

/*
 * The in-page lab: one per page, started by the first widget that connects. The page sends
 * a MessagePort for each MQTT connection; the broker reads and writes raw MQTT on it.
 */

interface WorkerScope {
  postMessage(message: WorkerNews): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
const tell = (news: WorkerNews) => scope.postMessage(news);
const lab = start();

scope.addEventListener('message', ({ data }) => {
  if (data.kind !== 'connect') return;

  const { port } = data;
  // Connections that arrive while the broker starts wait for it; their bytes queue meanwhile.
  lab.then(
    (broker) => broker.handle(portStream(port), (event) => sendEvent(port, event)),
    // The page was told why in 'failed'; ending the channel fails this connect at once.
    () => portStream(port).destroy(),
  );
});

async function start(): Promise<InPageBroker> {
  try {
    const retained = await openRetainedMessages();
    const broker = await createInPageBroker({
      onEvent: (event) => tell({ kind: 'event', event }),
      onWarning: (message) => tell({ kind: 'warning', message }),
      ...(retained && { retained }),
    });
    tell({ kind: 'ready', persistent: retained !== null });
    return broker;
  } catch (error) {
    tell({ kind: 'failed', message: (error as Error).message });
    throw error;
  }
}

/** The registry in IndexedDB, or null when the browser keeps none (storage disabled). */
async function openRetainedMessages(): Promise<RetainedMessages | null> {
  try {
    return retainedMessages(await openRegistryStore());
  } catch (error) {
    tell({
      kind: 'warning',
      message:
        `The in-page lab cannot keep anything in this browser (${(error as Error).message}); ` +
        'retained messages will last until the page is closed.',
    });
    return null;
  }
}
