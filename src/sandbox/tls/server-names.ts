/**
 * The names the lab broker's certificate lists, so that a device dialling any of them can check
 * it (RFC 6125): localhost and 127.0.0.1 always, and the --host address. A wildcard --host
 * (0.0.0.0 or ::) means "every interface", so the certificate lists each non-loopback IPv4
 * address the machine has when the server starts, the addresses students in a classroom dial.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { LAB_SERVER_NAMES } from '../../core/tls/lab-server-certificate.ts';

const WILDCARDS = new Set(['0.0.0.0', '::']);

export function serverNamesFor(
  host: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  const names: string[] = [...LAB_SERVER_NAMES];
  const add = (name: string) => {
    if (!names.includes(name)) names.push(name);
  };

  if (!WILDCARDS.has(host)) {
    add(host.toLowerCase());
    return names;
  }

  const addresses = Object.values(interfaces)
    .flat()
    .filter((a): a is NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address)
    .sort();
  addresses.forEach(add);
  return names;
}

/** Whether two name lists hold the same names, in any order and case. */
export function sameNames(a: readonly string[], b: readonly string[]): boolean {
  const set = (names: readonly string[]) => [...new Set(names.map((n) => n.toLowerCase()))].sort();
  return JSON.stringify(set(a)) === JSON.stringify(set(b));
}
