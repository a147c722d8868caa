/**
 * Two connected in-memory byte streams, like the two ends of a socket: what one writes the
 * other reads, and ending or destroying one closes the other. The brokers' TLS listeners hand
 * aedes a stream of this kind once a handshake is done; the tests skip the handshake.
 */
import { Duplex } from 'node:stream';

export function duplexPair(): [Duplex, Duplex] {
  const ends: Duplex[] = [];
  const make = (index: number) =>
    new Duplex({
      allowHalfOpen: false,
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        ends[1 - index]!.push(chunk);
        callback();
      },
      final(callback) {
        ends[1 - index]!.push(null);
        callback();
      },
      destroy(error, callback) {
        const other = ends[1 - index]!;
        if (!other.destroyed) other.destroy();
        callback(error);
      },
    });
  ends.push(make(0), make(1));
  return [ends[0]!, ends[1]!];
}
