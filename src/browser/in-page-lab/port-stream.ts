import { Buffer } from 'buffer';
import { Duplex } from 'readable-stream';
import type { LabEvent } from '../../core/lab/lab-event.ts';
import type { ChannelMessage, TlsOutcome } from './channel-protocol.ts';

/**
 * One end of a connection's MessageChannel as the byte stream MQTT code expects: aedes in
 * the worker and mqtt.js in the page each read and write raw MQTT packets through it, as
 * they would through a TCP socket. Lab events sent on the channel go to `onEvent`, and the
 * outcome of a modelled TLS handshake to `onTls`.
 */
export function portStream(
  port: MessagePort,
  onEvent?: (event: LabEvent) => void,
  onTls?: (outcome: TlsOutcome) => void,
): Duplex {
  let sentEnd = false;
  const sendEnd = () => {
    if (sentEnd) return;
    sentEnd = true;
    port.postMessage({ kind: 'end' } satisfies ChannelMessage);
  };

  const stream = new Duplex({
    // Like a socket whose peer hung up: when one side ends, the whole connection closes.
    allowHalfOpen: false,
    read() {},
    write(chunk: Uint8Array, _encoding, callback) {
      // A copy, because a Buffer can be a view into a pool that transferring would detach.
      const bytes = new Uint8Array(chunk);
      port.postMessage(bytes satisfies ChannelMessage, [bytes.buffer]);
      callback();
    },
    final(callback) {
      sendEnd();
      callback();
    },
    destroy(error, callback) {
      sendEnd();
      port.onmessage = null;
      port.close();
      callback(error);
    },
  });

  port.onmessage = ({ data }: MessageEvent<ChannelMessage>) => {
    if (ArrayBuffer.isView(data)) {
      stream.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    } else if (data.kind === 'event') {
      onEvent?.(data.event);
    } else if (data.kind === 'tls-report' || data.kind === 'tls-error') {
      onTls?.(data);
    } else {
      // The peer has ended; with allowHalfOpen false this side ends too and says so.
      stream.push(null);
    }
  };
  return stream;
}

/** Sends a lab event down a channel, in order with the bytes around it. */
export function sendEvent(port: MessagePort, event: LabEvent): void {
  port.postMessage({ kind: 'event', event } satisfies ChannelMessage);
}

/** Sends how a connection's TLS handshake went down its channel, before anything else. */
export function sendTlsOutcome(port: MessagePort, outcome: TlsOutcome): void {
  port.postMessage(outcome satisfies ChannelMessage);
}
