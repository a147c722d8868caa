/** IPv4 and IPv6 addresses and CIDR blocks, for the IpAddress and NotIpAddress operators. */

/** The address as bytes (4 or 16), or undefined when it is not an address. */
export function parseIp(text: string): number[] | undefined {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

/** Is `ip` inside `block`, an address or a CIDR block such as `10.0.0.0/8`? */
export function ipInBlock(ip: string, block: string): boolean {
  const [base = '', bitsText] = block.split('/');
  const address = parseIp(ip.trim());
  const network = parseIp(base.trim());
  if (!address || !network || address.length !== network.length) return false;

  const bits = bitsText === undefined ? network.length * 8 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > network.length * 8) return false;

  for (let bit = 0; bit < bits; bit++) {
    const mask = 0x80 >> bit % 8;
    const byte = Math.floor(bit / 8);
    if (((address[byte] ?? 0) & mask) !== ((network[byte] ?? 0) & mask)) return false;
  }

  return true;
}

/** Is `text` an address or a CIDR block this module can read? */
export function isIpBlock(text: string): boolean {
  const [base = '', bits] = text.split('/');
  const address = parseIp(base);
  if (!address) return false;

  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= address.length * 8);
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) {
    return undefined;
  }

  return parts.map(Number);
}

function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;

  const groups = (half: string | undefined) => (half ? half.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;

  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;

  return all.flatMap((g) => {
    const value = parseInt(g, 16);
    return [value >> 8, value & 0xff];
  });
}
