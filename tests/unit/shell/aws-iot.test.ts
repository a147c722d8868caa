import { describe, expect, test } from 'vitest';
import { GoalTracker, complete, type ShellEvent } from '../../../src/core/shell/index.ts';
import { makeLab, run } from './fakes.ts';
import { makePkiLab } from './pki-lab.ts';

const ARN = 'arn:aws:iot:us-east-1:123456789012';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "iot:Publish",
      "Resource": "${ARN}:topic/lab/sensor-01/*"
    }
  ]
}
`;

/** An ACTIVE certificate made by the lab, and its ID. */
async function activeCertificate(lab: ReturnType<typeof makePkiLab>) {
  const made = await run(lab.shell, 'aws iot create-keys-and-certificate --set-as-active');
  expect(made.status, made.stderr).toBe(0);
  return JSON.parse(made.stdout) as { certificateId: string; certificateArn: string };
}

describe('aws iot certificates', () => {
  test('create-keys-and-certificate --set-as-active, then list-certificates shows it ACTIVE', async () => {
    const lab = makePkiLab({ registry: true });
    const made = await activeCertificate(lab);
    expect(made.certificateId).toMatch(/^[0-9a-f]{64}$/);
    expect(made.certificateArn).toBe(`${ARN}:cert/${made.certificateId}`);

    const listed = await run(lab.shell, 'aws iot list-certificates');
    expect(listed.status).toBe(0);
    const { certificates } = JSON.parse(listed.stdout);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({
      certificateArn: made.certificateArn,
      certificateId: made.certificateId,
      status: 'ACTIVE',
      certificateMode: 'DEFAULT',
    });
    expect(listed.stdout).toMatch(/^\{\n {4}"certificates": \[\n {8}\{\n {12}"certificateArn"/);
  });

  test('the keys and certificate go to the files named by the outfile parameters', async () => {
    const lab = makePkiLab({ registry: true });
    const ran = await run(
      lab.shell,
      'aws iot create-keys-and-certificate --certificate-pem-outfile d.crt ' +
        '--public-key-outfile d.pub --private-key-outfile d.key',
    );
    expect(ran.status).toBe(0);
    expect(await lab.files.read('d.crt')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(await lab.files.read('d.pub')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(await lab.files.read('d.key')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(
      JSON.parse((await run(lab.shell, 'aws iot list-certificates')).stdout).certificates[0].status,
    ).toBe('INACTIVE');
  });

  test('--output text prints the list tab-separated, led by its name', async () => {
    const lab = makePkiLab({ registry: true });
    const made = await activeCertificate(lab);
    const ran = await run(lab.shell, 'aws iot list-certificates --output text');
    expect(ran.stdout).toMatch(
      new RegExp(
        `^CERTIFICATES\\t${made.certificateArn}\\t${made.certificateId}\\tDEFAULT\\t\\S+\\tACTIVE\\n$`,
      ),
    );
  });

  test('--output table draws the operation and the list as boxed sections', async () => {
    const lab = makePkiLab({ registry: true });
    await activeCertificate(lab);
    const lines = (await run(lab.shell, 'aws iot list-certificates --output table')).stdout
      .trimEnd()
      .split('\n');
    expect(lines[0]).toMatch(/^-+$/);
    expect(lines[1]).toMatch(/^\|\s+ListCertificates\s+\|$/);
    expect(lines[2]).toMatch(/^\+-+\+$/);
    expect(lines[3]).toMatch(/^\|\+-+\+\|$/);
    expect(lines[4]).toMatch(/^\|\|\s+certificates\s+\|\|$/);
    expect(lines.some((l) => /^\|\|\s+certificateArn\s+\|/.test(l))).toBe(true);
    expect(lines.some((l) => /\|\s+ACTIVE\s+\|\|$/.test(l))).toBe(true);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });

  test('--output table keeps the box around a PEM, one line of it per row', async () => {
    const lab = makePkiLab({ registry: true });
    const made = await activeCertificate(lab);
    const ran = await run(
      lab.shell,
      `aws iot describe-certificate --certificate-id ${made.certificateId} --output table`,
    );
    const lines = ran.stdout.trimEnd().split('\n');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines.some((l) => /\|\s+validity\s+\|/.test(l))).toBe(true);
    expect(lines.filter((l) => l.includes('-----BEGIN CERTIFICATE-----'))).toHaveLength(1);
  });

  test('describe-certificate for an unknown ID is a ResourceNotFoundException, exit 254', async () => {
    const lab = makePkiLab({ registry: true });
    const ran = await run(
      lab.shell,
      `aws iot describe-certificate --certificate-id ${'a'.repeat(64)}`,
    );
    expect(ran.status).toBe(254);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toMatch(
      /^\nAn error occurred \(ResourceNotFoundException\) when calling the DescribeCertificate operation: /,
    );
  });

  test('update-certificate moves a certificate to INACTIVE and prints nothing', async () => {
    const lab = makePkiLab({ registry: true });
    const made = await activeCertificate(lab);
    const ran = await run(
      lab.shell,
      `aws iot update-certificate --certificate-id ${made.certificateId} --new-status INACTIVE`,
    );
    expect(ran).toEqual({ status: 0, stdout: '', stderr: '' });
    const described = await run(
      lab.shell,
      `aws iot describe-certificate --certificate-id ${made.certificateId}`,
    );
    expect(JSON.parse(described.stdout).certificateDescription.status).toBe('INACTIVE');
  });

  test('a missing required parameter is a usage error with exit 252', async () => {
    const lab = makePkiLab({ registry: true });
    const ran = await run(lab.shell, 'aws iot update-certificate --new-status ACTIVE');
    expect(ran.status).toBe(252);
    expect(ran.stderr).toContain('usage: aws [options] <command> <subcommand>');
    expect(ran.stderr).toMatch(
      /\naws: error: the following arguments are required: --certificate-id\n$/,
    );
  });

  test('an unknown parameter and a wrong status value are usage errors too', async () => {
    const lab = makePkiLab({ registry: true });
    expect((await run(lab.shell, 'aws iot list-certificates --bogus 1')).stderr).toMatch(
      /aws: error: Unknown options: --bogus, 1\n$/,
    );
    const wrong = await run(
      lab.shell,
      `aws iot update-certificate --certificate-id ${'a'.repeat(64)} --new-status ON`,
    );
    expect(wrong.status).toBe(252);
    expect(wrong.stderr).toContain(
      "aws: error: argument --new-status: Invalid choice: 'ON', valid choices are: ACTIVE, INACTIVE, REVOKED",
    );
  });

  test('without a lab registry the command says which broker to pick, exit 255', async () => {
    const ran = await run(makeLab().shell, 'aws iot list-certificates');
    expect(ran.status).toBe(255);
    expect(ran.stderr).toContain(
      'Could not connect to the endpoint URL: this terminal has no lab registry',
    );
  });

  test('the goal "a certificate with CN sensor-01 is ACTIVE" is reached by typing commands', async () => {
    const lab = makePkiLab({ registry: true });
    const goal = {
      kind: 'certificate',
      status: 'ACTIVE',
      commonName: 'sensor-01',
      explain: '',
    } as const;
    const tracker = new GoalTracker([goal]);
    const reached: unknown[] = [];
    lab.shell.onEvent((e: ShellEvent) => {
      const done = tracker.observe(e);
      if (done) reached.push(done);
    });

    await run(
      lab.shell,
      'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out d.key',
    );
    await run(lab.shell, "openssl req -new -key d.key -subj '/CN=sensor-01' -out d.csr");
    const made = await run(
      lab.shell,
      'aws iot create-certificate-from-csr --certificate-signing-request file://d.csr',
    );
    expect(made.status, made.stderr).toBe(0);
    expect(reached).toEqual([]);

    const id = JSON.parse(made.stdout).certificateId as string;
    await run(lab.shell, `aws iot update-certificate --certificate-id ${id} --new-status ACTIVE`);
    expect(reached).toEqual([goal]);
  });

  test('a file:// that does not exist is the CLI’s paramfile error, exit 252', async () => {
    const lab = makePkiLab({ registry: true });
    const ran = await run(
      lab.shell,
      'aws iot create-certificate-from-csr --certificate-signing-request file://nope.csr',
    );
    expect(ran.status).toBe(252);
    expect(ran.stderr).toContain(
      "Error parsing parameter '--certificate-signing-request': Unable to load paramfile file://nope.csr: No such file or directory: 'nope.csr'",
    );
  });
});

describe('aws iot policies, things and test-authorization', () => {
  test('create-policy with a trailing comma fails at its line and column, in the editor’s words', async () => {
    // The text of the policy editor's own trailing-comma test (tests/e2e/policy-lesson.spec.ts).
    const broken =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n' +
      '    {"Effect": "Allow", "Action": "iot:Connect", "Resource": "*"},\n  ]\n}';
    const lab = makePkiLab({ registry: true, files: { 'p.json': broken } });
    const ran = await run(
      lab.shell,
      'aws iot create-policy --policy-name p --policy-document file://p.json',
    );
    expect(ran.status).toBe(254);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toMatch(
      /^\nAn error occurred \(MalformedPolicyException\) when calling the CreatePolicy operation: AWS IoT would refuse policy "p": at \(the document\) \(line 5, column 3\), /,
    );
    expect(ran.stderr.slice(ran.stderr.indexOf('\np.json: '))).toBe(
      '\np.json: line 5, column 3: Trailing comma [RFC 8259 §4, §5]\n' +
        '  5 |   ]\n' +
        '    |   ^\n' +
        '  The comma at line 4, column 66 is followed by `]`, so it separates nothing. JSON allows ' +
        'a comma only between two values; JavaScript and JSON5 accept a trailing comma, JSON ' +
        'does not. Delete that comma.\n',
    );
  });

  test('a policy that is JSON but not valid is refused with the validation problem at its place', async () => {
    const lab = makePkiLab({
      registry: true,
      files: { 'q.json': POLICY.replace('"iot:Publish"', '"iot:Pubish"') },
    });
    const ran = await run(
      lab.shell,
      'aws iot create-policy --policy-name q --policy-document file://q.json',
    );
    expect(ran.status).toBe(254);
    expect(ran.stderr).toContain(
      '\nq.json: line 6, column 17: Not an AWS IoT action [action-unknown]\n',
    );
    expect(ran.stderr).toContain('Did you mean "iot:Publish"?');
  });

  test('create-policy, attach-policy, then test-authorization: ALLOWED inside, IMPLICIT_DENY outside', async () => {
    const lab = makePkiLab({ registry: true, files: { 'p.json': POLICY } });
    const cert = await activeCertificate(lab);

    const created = await run(
      lab.shell,
      'aws iot create-policy --policy-name sensor-publish --policy-document file://p.json',
    );
    expect(created.status, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toEqual({
      policyName: 'sensor-publish',
      policyArn: `${ARN}:policy/sensor-publish`,
      policyDocument: POLICY,
      policyVersionId: '1',
    });

    const attached = await run(
      lab.shell,
      `aws iot attach-policy --policy-name sensor-publish --target ${cert.certificateArn}`,
    );
    expect(attached).toEqual({ status: 0, stdout: '', stderr: '' });

    const test = (topic: string) =>
      run(
        lab.shell,
        `aws iot test-authorization --principal ${cert.certificateArn} ` +
          `--auth-infos '[{"actionType":"PUBLISH","resources":["${ARN}:topic/${topic}"]}]'`,
      );
    const allowed = await test('lab/sensor-01/t');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(JSON.parse(allowed.stdout).authResults[0]).toEqual({
      authInfo: { actionType: 'PUBLISH', resources: [`${ARN}:topic/lab/sensor-01/t`] },
      allowed: {
        policies: [{ policyName: 'sensor-publish', policyArn: `${ARN}:policy/sensor-publish` }],
      },
      denied: { implicitDeny: { policies: [] }, explicitDeny: { policies: [] } },
      authDecision: 'ALLOWED',
      missingContextValues: [],
    });

    const denied = await test('lab/other/t');
    expect(JSON.parse(denied.stdout).authResults[0].authDecision).toBe('IMPLICIT_DENY');
    expect(denied.stderr).toMatch(/^note: iot:Publish on .*topic\/lab\/other\/t: /);
  });

  test('get-policy shows the default version; an unknown policy is ResourceNotFoundException', async () => {
    const lab = makePkiLab({ registry: true, files: { 'p.json': POLICY } });
    await run(lab.shell, 'aws iot create-policy --policy-name p --policy-document file://p.json');
    const got = JSON.parse((await run(lab.shell, 'aws iot get-policy --policy-name p')).stdout);
    expect(got).toMatchObject({ policyName: 'p', defaultVersionId: '1', policyDocument: POLICY });

    const missing = await run(lab.shell, 'aws iot get-policy --policy-name nope');
    expect(missing.status).toBe(254);
    expect(missing.stderr).toContain(
      '(ResourceNotFoundException) when calling the GetPolicy operation',
    );
  });

  test('create-thing with attributes, and attach-thing-principal', async () => {
    const lab = makePkiLab({ registry: true });
    const cert = await activeCertificate(lab);
    const thing = await run(
      lab.shell,
      `aws iot create-thing --thing-name sensor-01 --attribute-payload '{"attributes":{"room":"r1"}}'`,
    );
    expect(JSON.parse(thing.stdout)).toEqual({
      thingName: 'sensor-01',
      thingArn: `${ARN}:thing/sensor-01`,
    });
    const attached = await run(
      lab.shell,
      `aws iot attach-thing-principal --thing-name sensor-01 --principal ${cert.certificateArn}`,
    );
    expect(attached).toEqual({ status: 0, stdout: '', stderr: '' });
    const described = JSON.parse(
      (await run(lab.shell, 'aws iot describe-thing --thing-name sensor-01')).stdout,
    );
    expect(described.attributes).toEqual({ room: 'r1' });
  });

  test('describe-endpoint answers with the lab’s address and says it is the lab', async () => {
    const lab = makePkiLab({ registry: true });
    const ran = await run(lab.shell, 'aws iot describe-endpoint --endpoint-type iot:Data-ATS');
    expect(JSON.parse(ran.stdout)).toEqual({ endpointAddress: 'in-page lab (no network address)' });
    expect(ran.stderr).toMatch(
      /^note: this is the lab's address \(In-page lab\), not an AWS endpoint/,
    );
  });

  test('an operation aws iot does not have lists the ones it has, exit 252', async () => {
    const ran = await run(makePkiLab({ registry: true }).shell, 'aws iot delete-everything');
    expect(ran.status).toBe(252);
    expect(ran.stderr).toContain(
      'aws: error: argument operation: Invalid choice, valid choices are:',
    );
    expect(ran.stderr).toContain('create-keys-and-certificate');
  });

  test('Tab completes the certificate ARN after --target, and operation names after aws iot', async () => {
    const lab = makePkiLab({ registry: true });
    const cert = await activeCertificate(lab);
    const commands = lab.shell.registry.list();

    const target = complete(
      'aws iot attach-policy --policy-name p --target ',
      commands,
      lab.shell.names,
    );
    expect(target.candidates).toEqual([cert.certificateArn]);
    const id = complete(
      'aws iot describe-certificate --certificate-id ',
      commands,
      lab.shell.names,
    );
    expect(id.candidates).toEqual([cert.certificateId]);
    expect(complete('aws iot create-p', commands, lab.shell.names).candidates).toEqual([
      'create-policy',
    ]);
    expect(complete('openssl ge', commands, lab.shell.names).candidates).toEqual(['genpkey']);
  });
});
