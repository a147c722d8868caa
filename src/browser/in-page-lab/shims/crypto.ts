/**
 * Node's `crypto.randomUUID`, which aedes uses for broker and client IDs. WebCrypto has its
 * own, but only in a secure context; a classroom page served over plain http on the LAN is
 * not one, so a version 4 UUID is made from getRandomValues there (RFC 9562 §5.4).
 */
export function randomUUID(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();

  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export default { randomUUID };
