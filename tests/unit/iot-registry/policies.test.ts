import { describe, expect, it } from 'vitest';
import { MalformedPolicyError } from '../../../src/core/lab/iot-registry.ts';
import {
  emptyRegistryState,
  formatRegistryChange,
  memoryStorage,
} from '../../../src/core/lab/registry/index.ts';
import { ARN, allow, refusal, registryOver } from './support.ts';

const PUBLISH = allow('iot:Publish', `${ARN}:topic/a/b`);

describe('IoT policies in the lab registry', () => {
  it('creates a policy as version 1, the default, and returns it as GetPolicy does', async () => {
    const { registry, changes } = registryOver();

    const created = await registry.createPolicy('pub', PUBLISH);

    expect(created).toEqual({
      policyName: 'pub',
      policyArn: `${ARN}:policy/pub`,
      policyDocument: PUBLISH,
      versionId: '1',
      isDefaultVersion: true,
      createdAt: '2026-03-01T12:00:00.000Z',
    });
    expect(await registry.getPolicy('pub')).toEqual({
      policyName: 'pub',
      policyArn: `${ARN}:policy/pub`,
      policyDocument: PUBLISH,
      defaultVersionId: '1',
      createdAt: '2026-03-01T12:00:00.000Z',
      updatedAt: '2026-03-01T12:00:00.000Z',
    });
    expect(await registry.listPolicies()).toEqual([
      { policyName: 'pub', policyArn: `${ARN}:policy/pub` },
    ]);
    expect(changes.map(formatRegistryChange)).toEqual(['policy "pub" created with version 1']);
  });

  it('refuses an invalid document as malformed-policy, naming the path, line and column', async () => {
    const { registry } = registryOver();
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "iot:Publsh", "Resource": "*"}]\n}';

    const error = await refusal(registry.createPolicy('typo', text));

    expect(error).toBeInstanceOf(MalformedPolicyError);
    expect(error.code).toBe('malformed-policy');
    expect(error.message).toMatch(
      /^AWS IoT would refuse policy "typo": at Statement\[0\]\.Action \(line 3, column \d+\), /,
    );
    const problems = (error as MalformedPolicyError).problems;
    expect(problems.map((p) => [p.code, p.at])).toEqual([
      ['action-unknown', 'Statement[0].Action'],
    ]);
    expect(await registry.listPolicies()).toEqual([]);
  });

  it('refuses a name AWS does not accept, and a second policy of the same name', async () => {
    const { registry } = registryOver();
    await registry.createPolicy('pub', PUBLISH);

    expect((await refusal(registry.createPolicy('my policy', PUBLISH))).code).toBe('invalid-name');
    const again = await refusal(registry.createPolicy('pub', PUBLISH));
    expect(again.code).toBe('resource-already-exists');
    expect(again.message).toBe(
      'A policy named "pub" already exists. Choose another name, or use the existing one.',
    );
  });

  it('keeps up to five versions, numbers them without reuse, and moves the default', async () => {
    const { registry } = registryOver();
    await registry.createPolicy('p', PUBLISH);
    for (const topic of ['b', 'c', 'd', 'e']) {
      await registry.createPolicyVersion('p', allow('iot:Publish', `${ARN}:topic/${topic}`));
    }

    const sixth = await refusal(registry.createPolicyVersion('p', PUBLISH));
    expect(sixth.code).toBe('version-limit');
    expect(sixth.message).toContain('already has 5 versions (1, 2, 3, 4, 5)');

    await registry.deletePolicyVersion('p', '3');
    const made = await registry.createPolicyVersion('p', allow('iot:Publish', `${ARN}:topic/f`), {
      setAsDefault: true,
    });
    expect(made.versionId).toBe('6');
    expect(made.isDefaultVersion).toBe(true);
    expect(
      (await registry.listPolicyVersions('p')).map((v) => [v.versionId, v.isDefaultVersion]),
    ).toEqual([
      ['1', false],
      ['2', false],
      ['4', false],
      ['5', false],
      ['6', true],
    ]);
    expect((await registry.getPolicy('p')).policyDocument).toContain('topic/f');

    const back = await registry.setDefaultPolicyVersion('p', '2');
    expect(back.defaultVersionId).toBe('2');
    expect((await registry.getPolicyVersion('p', '2')).isDefaultVersion).toBe(true);
  });

  it('refuses to delete the default version, or a version that is not there', async () => {
    const { registry } = registryOver();
    await registry.createPolicy('p', PUBLISH);

    const error = await refusal(registry.deletePolicyVersion('p', '1'));
    expect(error.code).toBe('default-version');
    expect((await refusal(registry.getPolicyVersion('p', '9'))).code).toBe('version-not-found');
    expect((await refusal(registry.getPolicy('nope'))).code).toBe('policy-not-found');
  });

  it('refuses to delete an attached policy, then deletes it once detached', async () => {
    const { registry } = registryOver();
    await registry.createPolicy('p', PUBLISH);
    await registry.createThingGroup('fleet');
    await registry.attachPolicy('p', 'fleet');

    const error = await refusal(registry.deletePolicy('p'));
    expect(error.code).toBe('policy-attached');
    expect(error.message).toContain(`${ARN}:thinggroup/fleet`);

    await registry.detachPolicy('p', `${ARN}:thinggroup/fleet`);
    await registry.deletePolicy('p');
    expect(await registry.listPolicies()).toEqual([]);
  });

  it('loads a registry saved before policies existed, and then keeps them', async () => {
    const storage = memoryStorage(emptyRegistryState());
    const { registry } = registryOver(storage);

    expect(await registry.listPolicies()).toEqual([]);
    expect(await registry.listThings()).toEqual([]);
    await registry.createPolicy('p', PUBLISH);
    expect(JSON.parse(storage.saved()!).iot.policies[0].policyName).toBe('p');
  });
});
