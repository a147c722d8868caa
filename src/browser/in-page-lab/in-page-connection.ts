import type { LabEvent, Refusal } from '../../core/lab/lab-event.ts';
import {
  ConnectError,
  type BrokerTarget,
  type ConnectOptions,
  type Connection,
  type MqttSession,
  type SessionEvents,
} from '../connection/connection.ts';
import { Emitter } from '../connection/emitter.ts';
import { openMqttSession } from '../connection/mqtt-ws-session.ts';
import { TlsHandshakeError } from '../connection/tls-handshake-error.ts';
import type { HandshakeReport } from '../../core/tls/handshake-report.ts';
import type { TlsOutcome } from './channel-protocol.ts';

/** The in-page lab as the broker picker shows it (DESIGN.md, "The three places a message can go"). */
export const IN_PAGE_TARGET: BrokerTarget = {
  kind: 'in-page',
  label: 'In-page lab',
  url: 'in-page://lab',
  explains: true,
};

/**
 * MQTT to the broker that runs in this page. Each session is an mqtt.js client whose bytes go
 * to the worker over a channel of its own; the lab's events about that connection come down
 * the same channel, so a refusal is explained before the connection closes.
 */
export function inPageConnection(): Connection {
  return { target: IN_PAGE_TARGET, connect };
}

async function connect(options: ConnectOptions): Promise<MqttSession> {
  // The imports wait for the first connect, so pages that never connect load none of them.
  const [{ inPageLab }, { portStream }, tlsSetup] = await Promise.all([
    import('./lab-worker.ts'),
    import('./port-stream.ts'),
    options.tls ? import('./in-page-tls.ts') : null,
  ]);
  const lab = await inPageLab().catch((error: Error) => {
    throw new ConnectError('mqtt', 'The in-page lab did not start', error.message);
  });
  await tlsSetup?.prepareInPageTls().catch((error: Error) => {
    throw new ConnectError('tls', 'The in-page broker has no TLS certificate', error.message);
  });
  const { at, ...device } = options.tls ?? {};
  let tls: TlsOutcome | null = null;
  const refusals = new Emitter<Pick<SessionEvents, 'refusal'>>();
  let connectRefusal: Refusal | null = null;
  const onEvent = (event: LabEvent) => {
    if (event.type !== 'refusal') return;
    if (event.action === 'connect') connectRefusal = event.refusal;
    refusals.emit('refusal', event.refusal, event.action, event.target);
  };

  const session = await openMqttSession(
    {
      open: () =>
        portStream(
          options.tls ? lab.openChannel(device as typeof options.tls, at) : lab.openChannel(),
          onEvent,
          (outcome) => (tls = outcome),
        ),
      unreachable: () =>
        tlsFailure(tls) ??
        (connectRefusal
          ? new ConnectError('mqtt', connectRefusal.title, connectRefusal.message, connectRefusal)
          : new ConnectError(
              'mqtt',
              'The in-page lab closed the connection',
              'The broker in this page ended the connection before it answered CONNECT. ' +
                'Reload the page to start it again.',
            )),
    },
    options,
  ).catch((error: unknown) => {
    // A CONNACK refusal reaches mqtt.js after the lab's event that explains it, on one channel.
    if (error instanceof ConnectError && !error.refusal && connectRefusal) {
      throw new ConnectError(error.layer, error.title, error.message, connectRefusal);
    }
    throw error;
  });
  const tlsReport = reportOf(tls);

  return {
    ...session,
    ...(tlsReport && { tlsReport }),
    on(event, listener) {
      if (event === 'refusal') return refusals.on('refusal', listener as SessionEvents['refusal']);
      return session.on(event, listener);
    },
  };
}

/** Why a connect with a device certificate ended before CONNACK, if its handshake said. */
function tlsFailure(outcome: TlsOutcome | null): ConnectError | null {
  if (outcome?.kind === 'tls-error') {
    const title =
      outcome.name === 'HandshakeInputError'
        ? 'The device could not load its certificate or key'
        : 'The in-page broker could not run the TLS handshake';
    return new ConnectError('tls', title, outcome.message);
  }
  if (outcome?.kind === 'tls-report' && outcome.report.outcome === 'failed') {
    return new TlsHandshakeError(outcome.report);
  }
  return null;
}

function reportOf(outcome: TlsOutcome | null): HandshakeReport | null {
  return outcome?.kind === 'tls-report' ? outcome.report : null;
}
