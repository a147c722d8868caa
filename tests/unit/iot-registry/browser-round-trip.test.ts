import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabRegistry } from '../../../src/core/lab/iot-registry.ts';
import { MalformedPolicyError } from '../../../src/core/lab/iot-registry.ts';
import { inPageRegistry } from '../../../src/browser/registry/in-page-registry.ts';
import { labServerRegistry } from '../../../src/browser/registry/lab-server-registry.ts';
import { startRegistryLab, type RegistryLab } from '../registry/support.ts';
import { ARN, allow, refusal } from './support.ts';

/** One story through every kind of call: a device, its thing, its group and their policies. */
async function roundTrip(registry: LabRegistry) {
  const { certificate } = await registry.createKeysAndCertificate({
    commonName: 'sensor-1',
    algorithm: 'P-256',
    setAsActive: true,
  });
  const certArn = `${ARN}:cert/${certificate.certificateId}`;
  await registry.createThingType('sensor');
  await registry.createThing({
    thingName: 'sensor-1',
    thingTypeName: 'sensor',
    attributes: { room: 'hall' },
  });
  await registry.attachThingPrincipal('sensor-1', certArn, { exclusive: true });
  await registry.createThingGroup('fleet');
  await registry.addThingToThingGroup('fleet', 'sensor-1');
  await registry.createPolicy('device', allow('iot:Connect', `${ARN}:client/sensor-1`));
  await registry.createPolicyVersion('device', allow('iot:Connect', `${ARN}:client/*`), {
    setAsDefault: true,
  });
  await registry.attachPolicy('device', certArn);
  await registry.createPolicy('fleet', allow('iot:Publish', `${ARN}:topic/fleet/*`));
  await registry.attachPolicy('fleet', `${ARN}:thinggroup/fleet`);

  const malformed = await refusal(registry.createPolicy('bad', '{"Statement": ['));
  expect(malformed).toBeInstanceOf(MalformedPolicyError);
  expect((malformed as MalformedPolicyError).problems[0]?.code).toBe('json-syntax');

  expect(await registry.listTargetsForPolicy('device')).toEqual([certArn]);
  expect((await registry.listPolicyVersions('device')).map((v) => v.isDefaultVersion)).toEqual([
    false,
    true,
  ]);
  expect((await registry.listPrincipalThings(certificate.certificateId))[0]).toMatchObject({
    thingName: 'sensor-1',
    thingPrincipalType: 'EXCLUSIVE_THING',
  });
  expect((await registry.listThingGroupsForThing('sensor-1'))[0]?.thingGroupArn).toBe(
    `${ARN}:thinggroup/fleet`,
  );
  const facts = await registry.connectionFacts(certificate.certificateId, 'sensor-1');
  expect(facts.thing?.thingTypeName).toBe('sensor');
  expect(facts.policies.map((p) => [p.policyName, p.versionId, p.attachedTo])).toEqual([
    ['device', '2', 'principal'],
    ['fleet', '1', 'thing-group'],
  ]);

  const deleting = await refusal(registry.deletePolicy('fleet'));
  expect(deleting.code).toBe('policy-attached');
}

describe('the IoT registry calls reach both browser registries', () => {
  let lab: RegistryLab;

  beforeAll(async () => {
    lab = await startRegistryLab();
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('does a device’s whole setup over /api/registry, and the server keeps it', async () => {
    await roundTrip(labServerRegistry(lab.base));

    expect((await lab.server.registry.describeThing('sensor-1')).attributes).toEqual({
      room: 'hall',
    });
    expect(lab.registryLines()).toContain('lab:registry thing "sensor-1" created');
  });

  it('does the same setup in IndexedDB, and a new registry on the same database sees it', async () => {
    const registry = inPageRegistry({ name: 'iot-round-trip' });
    await roundTrip(registry);
    registry.close();

    const reopened = inPageRegistry({ name: 'iot-round-trip' });
    expect((await reopened.getPolicy('device')).defaultVersionId).toBe('2');
    reopened.close();
  });
});
