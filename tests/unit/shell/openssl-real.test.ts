/**
 * The terminal's openssl against the real one (/usr/bin/openssl): files made by typing in the
 * terminal are read and verified by OpenSSL, and the lines both print for them are the same.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { run } from './fakes.ts';
import { makePkiLab } from './pki-lab.ts';

const OPENSSL = '/usr/bin/openssl';
const folder = mkdtempSync(join(tmpdir(), 'handshake-terminal-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function realOpenssl(args: string[]): { status: number | null; out: string } {
  const ran = spawnSync(OPENSSL, args, { cwd: folder, encoding: 'utf8' });
  return { status: ran.status, out: `${ran.stdout}${ran.stderr}` };
}

describe.skipIf(!existsSync(OPENSSL))('the terminal’s openssl and the real one', () => {
  test.each([
    [
      'an EC CA',
      'an RSA device',
      'EC -pkeyopt ec_paramgen_curve:P-256',
      'RSA -pkeyopt rsa_keygen_bits:2048',
    ],
    ['an RSA CA', 'an EC device', 'RSA', 'EC -pkeyopt ec_paramgen_curve:prime256v1'],
  ])(
    '%s and %s made in the terminal verify with OpenSSL, and both print the same',
    async (_ca, _device, caKey, deviceKey) => {
      const lab = makePkiLab();
      for (const line of [
        `openssl genpkey -algorithm ${caKey} -out ca.key`,
        "openssl req -new -x509 -key ca.key -subj '/CN=Workshop CA/O=Handshake' -days 365 -out ca.crt",
        `openssl genpkey -algorithm ${deviceKey} -out device.key`,
        "openssl req -new -key device.key -subj '/CN=sensor-01' -out device.csr",
        'openssl x509 -req -in device.csr -CA ca.crt -CAkey ca.key -days 90 -out device.crt',
      ]) {
        expect((await run(lab.shell, line)).status, line).toBe(0);
      }
      for (const name of ['ca.key', 'ca.crt', 'device.key', 'device.csr', 'device.crt']) {
        writeFileSync(join(folder, name), (await lab.files.read(name))!);
      }

      expect(realOpenssl(['verify', '-CAfile', 'ca.crt', 'device.crt'])).toEqual({
        status: 0,
        out: 'device.crt: OK\n',
      });
      expect(realOpenssl(['req', '-in', 'device.csr', '-verify', '-noout']).status).toBe(0);
      expect(realOpenssl(['pkey', '-in', 'device.key', '-check', '-noout']).status).toBe(0);

      const fields = ['-noout', '-subject', '-issuer', '-serial', '-dates'];
      const ours = await run(lab.shell, `openssl x509 -in device.crt ${fields.join(' ')}`);
      expect(ours.stdout).toBe(realOpenssl(['x509', '-in', 'device.crt', ...fields]).out);
      for (const file of ['device.crt', 'ca.crt']) {
        const text = await run(lab.shell, `openssl x509 -in ${file} -text -noout`);
        expect(text.stdout, file).toBe(realOpenssl(['x509', '-in', file, '-text', '-noout']).out);
      }
      const fingerprint = ['-noout', '-fingerprint', '-sha256'];
      expect(
        (await run(lab.shell, `openssl x509 -in device.crt ${fingerprint.join(' ')}`)).stdout,
      ).toBe(realOpenssl(['x509', '-in', 'device.crt', ...fingerprint]).out);
    },
  );
});
