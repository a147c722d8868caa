/**
 * `handshake cert lab-ca|create|list|update`: the lab's registry from the command line, acting
 * on the data folder's registry.json directly. The file is re-read before every operation, so
 * a lab server running on the same folder sees these changes, and these see the server's.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  RegistryError,
  type CertificateRecord,
  type CertificateStatus,
} from '../../core/lab/certificate-registry.ts';
import {
  createCertificateRegistry,
  ISSUED_KEY_ALGORITHMS,
  shortId,
  type LabCertificateRegistry,
  type RegistryChange,
} from '../../core/lab/registry/index.ts';
import { putPolicyInForce } from '../../core/lab/policy-in-force.ts';
import { PkiError } from '../../core/pki/index.ts';
import { createFileStore, type FileStore } from '../registry/file-store.ts';

export const CERT_LAB_SUBCOMMANDS = [
  'lab-ca',
  'create',
  'list',
  'update',
  'attach-policy',
] as const;

export function isCertLabSubcommand(word: string | undefined): boolean {
  return (CERT_LAB_SUBCOMMANDS as readonly (string | undefined)[]).includes(word);
}

export const CERT_LAB_USAGE = `Usage: handshake cert <lab-ca|create|list|update|attach-policy> [options]

The lab's CA and device certificates, kept in its data folder. A lab server running on the
same folder sees each change at once.

Subcommands:
  lab-ca                         where the lab CA certificate is (for --cafile), and its subject
  create --cn NAME               a new key pair and device certificate signed by the lab CA,
         [--algorithm RSA-2048|P-256] [--set-as-active] [--out-dir DIR]
                                 written as NAME.crt and NAME.key (default: INACTIVE, as AWS does)
  list                           every device certificate, with its ID and status
  update <id> --status STATUS    ACTIVE, INACTIVE or REVOKED (REVOKED is final); the ID may be
                                 shortened to a prefix that only one certificate has
  attach-policy <id> --file F    puts the AWS IoT policy in F in force for the certificate:
         [--name NAME]           created as NAME (default: F's name without .json), or a new
                                 default version of it, and attached; a device needs one to connect

Options:
  --data-dir DIR   the lab's data folder (HANDSHAKE_DATA_DIR, default .lab)
  -h, --help       show this help`;

/** A command line that cannot be run as written: exit 2, with the usage. */
class UsageError extends Error {}
/** A request the command refuses for what it found: exit 1, with the reason only. */
class Refused extends Error {}

interface Lab {
  store: FileStore;
  registry: LabCertificateRegistry;
  changes: RegistryChange[];
  out: string[];
}

const STEPS = { 'lab-ca': labCa, create, list, update, 'attach-policy': attachPolicy } as const;

/** Runs `handshake cert <lab subcommand>`; `args` starts with the subcommand. */
export async function certLab(args: string[]): Promise<number> {
  const [sub, ...rest] = args as [keyof typeof STEPS, ...string[]];
  const name = `handshake cert ${sub}`;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: sub === 'update' || sub === 'attach-policy',
      options: {
        'data-dir': { type: 'string' },
        cn: { type: 'string' },
        algorithm: { type: 'string' },
        'set-as-active': { type: 'boolean' },
        'out-dir': { type: 'string' },
        status: { type: 'string' },
        file: { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(CERT_LAB_USAGE);
      return 0;
    }

    const lab = openLab(values['data-dir'] ?? process.env.HANDSHAKE_DATA_DIR ?? '.lab');
    await STEPS[sub](lab, values, positionals);
    const made = lab.changes.find(
      (c): c is Extract<RegistryChange, { record: 'ca' }> => c.record === 'ca' && c.isLabCa,
    );
    if (made) lab.out.unshift(`Made the lab CA (first use): ${made.subject}`);
    console.log(lab.out.join('\n'));
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`${name}: ${(error as Error).message}\n\n${CERT_LAB_USAGE}`);
      return 2;
    }
    if (error instanceof Refused || error instanceof RegistryError || error instanceof PkiError) {
      console.error(`${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function openLab(dataDir: string): Lab {
  const store = createFileStore(resolve(dataDir));
  const changes: RegistryChange[] = [];
  const registry = createCertificateRegistry(store, globalThis.crypto, () => new Date(), {
    onChange: (change) => changes.push(change),
  });
  return { store, registry, changes, out: [] };
}

type Values = Partial<
  Record<'data-dir' | 'cn' | 'algorithm' | 'out-dir' | 'status' | 'file' | 'name', string>
> & {
  'set-as-active'?: boolean;
};

async function labCa(lab: Lab): Promise<void> {
  const ca = await lab.registry.labCa();
  lab.out.push(
    `Lab CA: ${ca.subject}`,
    `  certificate  ${shown(lab.store.paths.caCertificate)}   (give it to --cafile / -CAfile)`,
    `  private key  ${shown(lab.store.paths.caKey)}   (owner-only; the lab signs with it)`,
    `  ID           ${ca.caCertificateId}`,
    `  status       ${ca.status}`,
    `  valid until  ${ca.notAfter}`,
  );
}

async function create(lab: Lab, values: Values): Promise<void> {
  const commonName = values.cn;
  if (!commonName) throw new UsageError('--cn NAME is required: the device’s common name.');
  const algorithm = values.algorithm ?? 'RSA-2048';
  if (!(ISSUED_KEY_ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw new UsageError(
      `--algorithm must be ${ISSUED_KEY_ALGORITHMS.join(' or ')} (got '${algorithm}').`,
    );
  }

  // Checked before anything is made, so that no certificate is issued that cannot be saved.
  const outDir = resolve(values['out-dir'] ?? '.');
  const base = fileNameFor(commonName);
  const files = { certificate: join(outDir, `${base}.crt`), key: join(outDir, `${base}.key`) };
  for (const file of Object.values(files)) {
    if (existsSync(file)) {
      throw new Refused(
        `${shown(file)} already exists. Choose another --cn or --out-dir, or move it away.`,
      );
    }
  }

  const made = await lab.registry.createKeysAndCertificate({
    commonName,
    algorithm: algorithm as (typeof ISSUED_KEY_ALGORITHMS)[number],
    setAsActive: values['set-as-active'] === true,
  });
  await mkdir(outDir, { recursive: true });
  await writeFile(files.certificate, made.certificate.pem, { mode: 0o644, flag: 'wx' });
  await writeFile(files.key, made.privateKeyPem, { mode: 0o600, flag: 'wx' });

  const record = made.certificate;
  const activate =
    record.status === 'ACTIVE'
      ? ''
      : `  (to connect: handshake cert update ${record.certificateId.slice(0, 12)} --status ACTIVE)`;
  const policyHint = `handshake cert attach-policy ${record.certificateId.slice(0, 12)} --file policy.json`;
  lab.out.push(
    `Certificate ID: ${record.certificateId}`,
    `  subject  ${record.subject}`,
    `  issuer   ${record.issuer}`,
    `  status   ${record.status}${activate}`,
    `  valid    ${record.notBefore} to ${record.notAfter}`,
    `  wrote    ${shown(files.certificate)}`,
    `           ${shown(files.key)}  (the private key, readable by you only; the lab keeps no copy)`,
    `  policy   none yet: a device connects only when a policy allows iot:Connect`,
    `           (${policyHint})`,
  );
}

async function list(lab: Lab): Promise<void> {
  const certificates = await lab.registry.listCertificates();
  if (certificates.length === 0) {
    lab.out.push('No device certificates yet. Make one: handshake cert create --cn sensor-1');
    return;
  }

  const rows = [
    ['CERTIFICATE ID', 'STATUS', 'ORIGIN', 'NOT AFTER', 'SUBJECT'],
    ...certificates.map((c) => [c.certificateId, c.status, c.origin, c.notAfter, c.subject]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  lab.out.push(
    ...rows.map((row) =>
      row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '),
    ),
  );
}

async function update(lab: Lab, values: Values, positionals: string[]): Promise<void> {
  const [wanted, ...extra] = positionals;
  if (!wanted || extra.length > 0)
    throw new UsageError('Give one certificate ID (or a prefix of it).');
  if (!values.status) throw new UsageError('--status ACTIVE|INACTIVE|REVOKED is required.');

  const id = idFromPrefix(await lab.registry.listCertificates(), wanted.toLowerCase());
  const before = (await lab.registry.describeCertificate(id)).status;
  const after = await lab.registry.updateCertificate(id, values.status as CertificateStatus);
  lab.out.push(
    before === after.status
      ? `Certificate ${shortId(after.certificateId)} (${after.subject}) is already ${after.status}.`
      : `Certificate ${shortId(after.certificateId)} (${after.subject}): ${before} -> ${after.status}`,
  );
}

async function attachPolicy(lab: Lab, values: Values, positionals: string[]): Promise<void> {
  const [wanted, ...extra] = positionals;
  if (!wanted || extra.length > 0)
    throw new UsageError('Give one certificate ID (or a prefix of it).');
  if (!values.file) throw new UsageError('--file F is required: the policy document (JSON).');

  let text: string;
  try {
    text = await readFile(resolve(values.file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Refused(
      code === 'ENOENT'
        ? `${values.file}: no such file.`
        : `${values.file}: ${code ?? 'unreadable'}.`,
    );
  }
  const policyName = values.name ?? basename(values.file).replace(/\.json$/i, '');
  const id = idFromPrefix(await lab.registry.listCertificates(), wanted.toLowerCase());

  const { versionId } = await putPolicyInForce(lab.registry, policyName, text, id);
  lab.out.push(
    `Policy ${policyName} version ${versionId} is in force for certificate ${shortId(id)}.`,
    "  A lab server on this data folder applies it at the device's next request.",
  );
}

/** The ID of the one certificate whose ID starts with `prefix`; anything else is the registry's to refuse. */
function idFromPrefix(certificates: CertificateRecord[], prefix: string): string {
  const matches = certificates.filter((c) => c.certificateId.startsWith(prefix));
  if (matches.length > 1) {
    throw new Refused(
      `${matches.length} certificates have IDs starting with '${prefix}': give more of the ID.`,
    );
  }
  if (matches.length === 0 && /^[0-9a-f]{1,63}$/.test(prefix)) {
    throw new Refused(
      `No certificate's ID starts with '${prefix}'. See them with: handshake cert list`,
    );
  }
  return matches[0]?.certificateId ?? prefix;
}

/** A common name as a file name: anything but letters, digits, `.`, `_` and `-` becomes `-`. */
export function fileNameFor(commonName: string): string {
  const safe = commonName.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^\.+/, '');
  return safe === '' ? 'device' : safe;
}

function shown(path: string): string {
  const near = relative(process.cwd(), path);
  return near.startsWith('..') ? path : near || '.';
}
