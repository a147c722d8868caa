/**
 * `aws iot` certificate operations against the lab registry, with the response fields of the
 * AWS IoT API (API_CreateKeysAndCertificate, API_CreateCertificateFromCsr, API_UpdateCertificate,
 * API_ListCertificates, API_DescribeCertificate). Each change is told to the shell, so a
 * lesson's goal can watch for an ACTIVE certificate.
 */
import type { CertificateRecord } from '../../../lab/certificate-registry.ts';
import { registryArn } from '../../../lab/registry/iot-names.ts';
import type { CommandContext } from '../../command.ts';
import { fileName } from '../../file-area.ts';
import { ParameterError, type IotCall, type IotOperation } from './aws-cli.ts';

/** The subject AWS IoT gives the certificates it makes itself. */
const AWS_SUBJECT_CN = 'AWS IoT Certificate';
const STATUSES = ['ACTIVE', 'INACTIVE', 'REVOKED'] as const;

export const createKeysAndCertificate: IotOperation = {
  name: 'create-keys-and-certificate',
  api: 'CreateKeysAndCertificate',
  summary: 'the lab makes a key pair and a certificate signed by its CA',
  parameters: [
    { flag: '--set-as-active', summary: 'make the certificate ACTIVE (default INACTIVE)' },
    outfile('--certificate-pem-outfile', 'write the certificate to a file'),
    outfile('--public-key-outfile', 'write the public key to a file'),
    outfile('--private-key-outfile', 'write the private key to a file (shown only this once)'),
  ],
  async run(call) {
    const made = await call.registry.createKeysAndCertificate({
      commonName: AWS_SUBJECT_CN,
      setAsActive: call.flag('--set-as-active'),
    });
    await writeOutfile(call, '--certificate-pem-outfile', made.certificate.pem);
    await writeOutfile(call, '--public-key-outfile', made.publicKeyPem);
    await writeOutfile(call, '--private-key-outfile', made.privateKeyPem);
    tellStatus(call.ctx, made.certificate);

    return {
      certificateArn: arnOf(made.certificate),
      certificateId: made.certificate.certificateId,
      certificatePem: made.certificate.pem,
      keyPair: { PublicKey: made.publicKeyPem, PrivateKey: made.privateKeyPem },
    };
  },
};

export const createCertificateFromCsr: IotOperation = {
  name: 'create-certificate-from-csr',
  api: 'CreateCertificateFromCsr',
  summary: "the lab's CA signs your CSR; the private key stays with you",
  parameters: [
    {
      flag: '--certificate-signing-request',
      value: 'file://csr',
      required: true,
      summary: 'the CSR, as file://device.csr',
      complete: 'file',
    },
    { flag: '--set-as-active', summary: 'make the certificate ACTIVE (default INACTIVE)' },
    outfile('--certificate-pem-outfile', 'write the certificate to a file'),
  ],
  async run(call) {
    const record = await call.registry.createCertificateFromCsr({
      csrPem: call.value('--certificate-signing-request')!,
      setAsActive: call.flag('--set-as-active'),
    });
    await writeOutfile(call, '--certificate-pem-outfile', record.pem);
    tellStatus(call.ctx, record);

    return {
      certificateArn: arnOf(record),
      certificateId: record.certificateId,
      certificatePem: record.pem,
    };
  },
};

export const updateCertificate: IotOperation = {
  name: 'update-certificate',
  api: 'UpdateCertificate',
  summary: 'set a certificate ACTIVE, INACTIVE or REVOKED',
  parameters: [
    certificateIdParameter(),
    {
      flag: '--new-status',
      value: 'status',
      required: true,
      summary: 'ACTIVE, INACTIVE or REVOKED',
      complete: { words: STATUSES },
    },
  ],
  async run(call) {
    const status = call.value('--new-status')!;
    if (!(STATUSES as readonly string[]).includes(status)) {
      throw new ParameterError(
        `argument --new-status: Invalid choice: '${status}', valid choices are: ${STATUSES.join(', ')}`,
      );
    }
    const record = await call.registry.updateCertificate(
      call.value('--certificate-id')!,
      status as (typeof STATUSES)[number],
    );
    tellStatus(call.ctx, record);
    return undefined;
  },
};

export const listCertificates: IotOperation = {
  name: 'list-certificates',
  api: 'ListCertificates',
  summary: 'list the certificates in the lab registry',
  parameters: [],
  async run(call) {
    const records = await call.registry.listCertificates();
    return {
      certificates: records.map((r) => ({
        certificateArn: arnOf(r),
        certificateId: r.certificateId,
        status: r.status,
        certificateMode: 'DEFAULT',
        creationDate: cliTime(r.createdAt),
      })),
    };
  },
};

export const describeCertificate: IotOperation = {
  name: 'describe-certificate',
  api: 'DescribeCertificate',
  summary: 'show one certificate: status, PEM, validity',
  parameters: [certificateIdParameter()],
  async run(call) {
    const r = await call.registry.describeCertificate(call.value('--certificate-id')!);
    return {
      certificateDescription: {
        certificateArn: arnOf(r),
        certificateId: r.certificateId,
        ...(r.caCertificateId ? { caCertificateId: r.caCertificateId } : {}),
        status: r.status,
        certificatePem: r.pem,
        creationDate: cliTime(r.createdAt),
        lastModifiedDate: cliTime(r.updatedAt),
        validity: { notBefore: cliTime(r.notBefore), notAfter: cliTime(r.notAfter) },
        certificateMode: 'DEFAULT',
      },
    };
  },
};

export function arnOf(record: CertificateRecord): string {
  return registryArn('cert', record.certificateId);
}

/** A time as the AWS CLI v2 prints timestamps: ISO 8601 with microseconds and an offset. */
export function cliTime(iso: string): string {
  const date = new Date(iso);
  return `${date.toISOString().slice(0, 23)}000+00:00`;
}

function certificateIdParameter() {
  return {
    flag: '--certificate-id',
    value: 'id',
    required: true,
    summary: 'the certificate ID (64 hex digits)',
    complete: 'certificate' as const,
  };
}

function outfile(flag: string, summary: string) {
  return { flag, value: 'file', summary, complete: 'file' as const };
}

async function writeOutfile(call: IotCall, flag: string, text: string): Promise<void> {
  const path = call.value(flag);
  if (path === undefined) return;

  const name = fileName(path);
  if (!name.ok) throw new ParameterError(`argument ${flag}: ${name.why}`);
  await call.ctx.files.write(name.name, text);
  call.ctx.emit({ kind: 'files-changed' });
}

/** Tells the shell (and so a lesson's goal) the certificate's subject and status. */
function tellStatus(ctx: CommandContext, record: CertificateRecord): void {
  ctx.emit({
    kind: 'certificate-status',
    certificateId: record.certificateId,
    subject: record.subject,
    status: record.status,
  });
}
