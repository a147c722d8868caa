import { checkBrowserBrokerUrl } from '../../core/mqtt/broker-url.ts';
import type { BrokerTarget, Connection, MqttSession } from './connection.ts';
import { findLabServer, labServerConnection } from './lab-server-connection.ts';
import { openMqttSession } from './mqtt-ws-session.ts';

const STORAGE_KEY = 'handshake.broker';

/** What the learner picked, as remembered in this browser. */
export type BrokerPick = { kind: 'lab-server' } | { kind: 'custom'; url: string };

export interface BrokerChoice {
  /** The broker widgets use now, or null when none is available. */
  current: BrokerTarget | null;
  /** The lab server that served this page, when there is one. */
  labServer: BrokerTarget | null;
  pick: BrokerPick | null;
}

type Listener = (choice: BrokerChoice) => void;

let state: Promise<BrokerChoice> | null = null;
const listeners = new Set<Listener>();

/** The page's broker choice, worked out once per page and shared by every widget. */
export function brokerChoice(): Promise<BrokerChoice> {
  state ??= resolveChoice(readPick());
  return state;
}

/** Remembers a new pick for this browser and tells every widget. */
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

/** The Connection for a target: the lab server explains refusals, other brokers cannot. */
export function connectionFor(target: BrokerTarget): Connection {
  if (target.kind === 'lab-server') return labServerConnection(target, location.origin);
  return {
    target,
    connect: (options): Promise<MqttSession> => openMqttSession(target.url, options),
  };
}

async function resolveChoice(pick: BrokerPick | null): Promise<BrokerChoice> {
  const labServer = await findLabServer(location.origin);
  return choiceFrom(pick, labServer);
}

function choiceFrom(pick: BrokerPick | null, labServer: BrokerTarget | null): BrokerChoice {
  if (pick?.kind === 'custom') {
    const target: BrokerTarget = {
      kind: 'custom',
      label: 'Custom broker',
      url: pick.url,
      explains: false,
    };
    return { current: target, labServer, pick };
  }
  return { current: labServer, labServer, pick };
}

function readPick(): BrokerPick | null {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as BrokerPick | null;
    if (saved?.kind === 'lab-server') return saved;
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
