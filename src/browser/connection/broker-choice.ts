import { checkBrowserBrokerUrl } from '../../core/mqtt/broker-url.ts';
import { ConnectError, type BrokerTarget, type Connection } from './connection.ts';
import { diagnoseWebSocketFailure } from './diagnose.ts';
import { IN_PAGE_TARGET, inPageConnection } from '../in-page-lab/in-page-connection.ts';
import { findLabServer, labServerConnection } from './lab-server-connection.ts';
import { openMqttSession } from './mqtt-ws-session.ts';
import { PUBLIC_BROKERS, publicBroker } from './public-brokers.ts';
import { randomTopicPrefix } from './topic-prefix.ts';

const STORAGE_KEY = 'handshake.broker';

/** What the learner picked, as remembered in this browser. */
export type BrokerPick =
  | { kind: 'lab-server' }
  | { kind: 'in-page' }
  | { kind: 'public'; id: string }
  | { kind: 'custom'; url: string };

export interface BrokerChoice {
  /** The broker widgets use now. */
  current: BrokerTarget;
  /** The lab server that served this page, when there is one. */
  labServer: BrokerTarget | null;
  /** What the learner picked; null while the default applies. */
  pick: BrokerPick | null;
}

type Listener = (choice: BrokerChoice) => void;

let state: Promise<BrokerChoice> | null = null;
const listeners = new Set<Listener>();

/** The page's broker choice, worked out once per page and shared by every widget. */
export function brokerChoice(): Promise<BrokerChoice> {
  state ??= findLabServer(location.origin).then((labServer) => choiceFrom(readPick(), labServer));
  return state;
}

/** Remembers a new pick for this browser and tells every widget. Throws on a bad custom URL. */
export async function choose(pick: BrokerPick): Promise<BrokerChoice> {
  if (pick.kind === 'custom') {
    const check = checkBrowserBrokerUrl(pick.url);
    if (!check.ok) throw new Error(`${check.title}: ${check.message}`);
    pick = { kind: 'custom', url: check.url };
  }
  writePick(pick);
  const { labServer } = await brokerChoice();
  const next = choiceFrom(pick, labServer);
  state = Promise.resolve(next);
  listeners.forEach((listener) => listener(next));
  return next;
}

export function onBrokerChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The Connection for a target. Lab brokers explain refusals; the others cannot. */
export function connectionFor(target: BrokerTarget): Connection {
  if (target.kind === 'lab-server') return labServerConnection(target, location.origin);
  // The in-page broker (aedes in a worker) loads only when a widget first connects.
  if (target.kind === 'in-page') return inPageConnection();
  return {
    target,
    async connect(options) {
      try {
        return await openMqttSession(target.url, options);
      } catch (error) {
        if (error instanceof ConnectError && error.layer === 'websocket') {
          throw await diagnoseWebSocketFailure(target.url, location.protocol);
        }
        throw error;
      }
    },
  };
}

function choiceFrom(pick: BrokerPick | null, labServer: BrokerTarget | null): BrokerChoice {
  const fallback = labServer ?? IN_PAGE_TARGET;
  return { current: targetFor(pick, labServer) ?? fallback, labServer, pick };
}

function targetFor(pick: BrokerPick | null, labServer: BrokerTarget | null): BrokerTarget | null {
  switch (pick?.kind) {
    case 'lab-server':
      // A remembered lab server that is not serving this page falls back to the default.
      return labServer;
    case 'in-page':
      return IN_PAGE_TARGET;
    case 'public': {
      const broker = publicBroker(pick.id);
      if (!broker) return null;
      return {
        kind: 'public',
        label: broker.label,
        url: broker.url,
        explains: false,
        topicPrefix: randomTopicPrefix(),
      };
    }
    case 'custom':
      return { kind: 'custom', label: 'Custom broker', url: pick.url, explains: false };
    default:
      return null;
  }
}

function readPick(): BrokerPick | null {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as BrokerPick | null;
    if (saved?.kind === 'lab-server' || saved?.kind === 'in-page') return saved;
    if (saved?.kind === 'public' && publicBroker(saved.id)) return saved;
    if (saved?.kind === 'custom' && checkBrowserBrokerUrl(saved.url).ok) return saved;
    return null;
  } catch {
    // A corrupt or blocked storage entry means no remembered pick; the default applies.
    return null;
  }
}

function writePick(pick: BrokerPick): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(pick));
  } catch {
    // Storage can be disabled (private mode); the pick then lasts for this page only.
  }
}

export { PUBLIC_BROKERS };
