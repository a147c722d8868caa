/**
 * Words for a broken first packet. A TLS ClientHello begins with the byte 0x16, which an MQTT
 * parser reads as a CONNECT (type 1, MQTT 3.1.1 §2.2.1) with flags 0110, so its complaint about
 * CONNECT's flag bits (which must be 0, §2.2.2) almost always means TLS sent to the plain port.
 */
const TLS_AS_CONNECT = /Invalid header flag bits, must be 0x0 for connect packet/i;

export function protocolErrorWords(message: string): string {
  if (!TLS_AS_CONNECT.test(message)) return message;
  return (
    `${message} (the first byte looks like a TLS handshake: a client set up for TLS reached the ` +
    'plain MQTT port; MQTT over TLS is on the lab server’s --mtls-port, 8883 by default)'
  );
}
