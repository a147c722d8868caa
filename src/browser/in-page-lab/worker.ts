// First, so that Node's globals exist before aedes and its dependencies run.
import './shims/globals.ts';

import type { WorkerNews, WorkerRequest } from './channel-protocol.ts';
import { followRegistry, inPageAuthorizer } from './device-authorization.ts';
import { createInPageBroker, type InPageBroker } from './lab-broker.ts';
import { openRegistryStore, type RegistryStore } from './registry-store.ts';
import { retainedMessages, type RetainedMessages } from './retained-messages.ts';
import { createTlsGate, type TlsGate } from './tls-gate.ts';
import { serveRequest } from './worker-requests.ts';

/*
 * The in-page lab: one per page, started by the first widget that connects. The page sends
 * a MessagePort for each MQTT connection; the broker reads and writes raw MQTT on it, after a
 * modelled mutual TLS handshake when the page connects with a device certificate.
 */

interface WorkerScope {
  postMessage(message: WorkerNews): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
const tell = (news: WorkerNews) => scope.postMessage(news);
const broker = start();
// Made on the first TLS request: pages that never use a certificate never touch the registry here.
let tlsGate: TlsGate | null = null;
const tls = () => (tlsGate ??= createTlsGate(reopening(openRegistryStore)));

scope.addEventListener('message', ({ data }) => serveRequest(data, { broker, tls }));

async function start(): Promise<InPageBroker> {
  try {
    const retained = await openRetainedMessages();
    const broker = await createInPageBroker({
      onEvent: (event) => tell({ kind: 'event', event }),
      onWarning: (message) => tell({ kind: 'warning', message }),
      ...(retained && { retained }),
      // Devices (connections with a certificate) are held to their IoT policies.
      authorizer: inPageAuthorizer(reopening(openRegistryStore)),
    });
    followRegistry(broker);
    tell({ kind: 'ready', persistent: retained !== null });
    return broker;
  } catch (error) {
    tell({ kind: 'failed', message: (error as Error).message });
    throw error;
  }
}

/** A store opened on first use and kept; a failed open is tried again next time. */
function reopening(open: () => Promise<RegistryStore>): () => Promise<RegistryStore> {
  let opened: Promise<RegistryStore> | null = null;
  return () =>
    (opened ??= open().catch((error: unknown) => {
      opened = null;
      throw error;
    }));
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
