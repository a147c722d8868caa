/**
 * The two MQTT 3.1.1 packets a probe needs to see whether the broker lets the device in after
 * the handshake: CONNECT (§3.1) with a clean session and no credentials, CONNACK (§3.2) read
 * back, and DISCONNECT (§3.14) to leave politely.
 */

/** CONNECT for `clientId` (at most 65,535 bytes of UTF-8) with a clean session. */
export function encodeConnect(clientId: string, keepAliveSeconds = 30): Buffer {
  const id = Buffer.from(clientId, 'utf8');
  const variableHeader = Buffer.from([
    0x00,
    0x04,
    ...Buffer.from('MQTT'),
    0x04, // protocol level 4: MQTT 3.1.1 [MQTT-3.1.2-2]
    0x02, // flags: clean session only
    keepAliveSeconds >> 8,
    keepAliveSeconds & 0xff,
  ]);
  const payload = Buffer.concat([Buffer.from([id.length >> 8, id.length & 0xff]), id]);
  const body = Buffer.concat([variableHeader, payload]);
  return Buffer.concat([Buffer.from([0x10]), remainingLength(body.length), body]);
}

export const DISCONNECT = Buffer.from([0xe0, 0x00]);

/**
 * The CONNACK return code (0 accepted, 1–5 refused, §3.2.2.3) at the start of `received`;
 * undefined while fewer than four bytes have come, or when they are not a CONNACK.
 */
export function readConnack(received: Buffer): number | undefined {
  if (received.length < 4 || received[0] !== 0x20 || received[1] !== 0x02) return undefined;
  return received[3];
}

// §2.2.3: seven bits per byte, least significant first, the top bit saying "more follows".
function remainingLength(length: number): Buffer {
  const bytes: number[] = [];
  let rest = length;
  do {
    let byte = rest % 128;
    rest = Math.floor(rest / 128);
    if (rest > 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest > 0);
  return Buffer.from(bytes);
}
