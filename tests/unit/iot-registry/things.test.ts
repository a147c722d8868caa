import { describe, expect, it } from 'vitest';
import { ARN, allow, refusal, registryOver } from './support.ts';

async function withDevice() {
  const lab = registryOver();
  const { certificate } = await lab.registry.createKeysAndCertificate({
    commonName: 'sensor-1',
    algorithm: 'P-256',
    setAsActive: true,
  });
  return { ...lab, certificate, certArn: `${ARN}:cert/${certificate.certificateId}` };
}

describe('things, thing types and certificates attached to things', () => {
  it('creates a thing with a type and attributes, and updates them as UpdateThing does', async () => {
    const { registry } = registryOver();
    await registry.createThingType('sensor');

    const thing = await registry.createThing({
      thingName: 'sensor-1',
      thingTypeName: 'sensor',
      attributes: { room: 'kitchen', floor: '1' },
    });
    expect(thing).toMatchObject({
      thingName: 'sensor-1',
      thingArn: `${ARN}:thing/sensor-1`,
      thingTypeName: 'sensor',
      attributes: { room: 'kitchen', floor: '1' },
      version: 1,
    });

    const merged = await registry.updateThing('sensor-1', {
      attributes: { room: 'hall', floor: '' },
      merge: true,
    });
    expect(merged.attributes).toEqual({ room: 'hall' });
    expect(merged.version).toBe(2);
    const replaced = await registry.updateThing('sensor-1', {
      attributes: { site: 'lab' },
      thingTypeName: null,
    });
    expect(replaced).toMatchObject({
      attributes: { site: 'lab' },
      thingTypeName: null,
      version: 3,
    });
    expect(await registry.describeThing('sensor-1')).toEqual(replaced);
    expect((await registry.listThingTypes()).map((t) => t.thingTypeArn)).toEqual([
      `${ARN}:thingtype/sensor`,
    ]);
  });

  it('refuses an unknown type, a duplicate thing and an unknown thing', async () => {
    const { registry } = registryOver();
    await registry.createThing({ thingName: 't' });

    expect((await refusal(registry.createThing({ thingName: 'u', thingTypeName: 'x' }))).code).toBe(
      'thing-type-not-found',
    );
    expect((await refusal(registry.createThing({ thingName: 't' }))).code).toBe(
      'resource-already-exists',
    );
    const missing = await refusal(registry.describeThing('ghost'));
    expect(missing.code).toBe('thing-not-found');
    expect(missing.message).toContain('No thing is named "ghost"');
  });

  it('attaches a certificate by ID or ARN, lists both ways, and refuses to delete the thing meanwhile', async () => {
    const { registry, certificate, certArn } = await withDevice();
    await registry.createThing({ thingName: 'sensor-1' });

    const attached = await registry.attachThingPrincipal('sensor-1', certificate.certificateId);
    expect(attached).toEqual({
      thingName: 'sensor-1',
      principal: certArn,
      certificateId: certificate.certificateId,
      thingPrincipalType: 'NON_EXCLUSIVE_THING',
    });
    expect(await registry.listThingPrincipals('sensor-1')).toEqual([attached]);
    expect(await registry.listPrincipalThings(certArn)).toEqual([attached]);

    const error = await refusal(registry.deleteThing('sensor-1'));
    expect(error.code).toBe('thing-has-principals');
    await registry.updateCertificate(certificate.certificateId, 'INACTIVE');
    expect((await refusal(registry.deleteCertificate(certificate.certificateId))).code).toBe(
      'certificate-attached',
    );

    await registry.detachThingPrincipal('sensor-1', certArn);
    await registry.deleteThing('sensor-1');
    expect(await registry.listThings()).toEqual([]);
  });

  it('keeps an exclusively attached certificate to its one thing', async () => {
    const { registry, certificate } = await withDevice();
    await registry.createThing({ thingName: 'a' });
    await registry.createThing({ thingName: 'b' });
    await registry.attachThingPrincipal('a', certificate.certificateId, { exclusive: true });

    const error = await refusal(registry.attachThingPrincipal('b', certificate.certificateId));
    expect(error.code).toBe('exclusive-thing');
    expect(error.message).toContain('is attached to thing "a" exclusively');
  });

  it('links the thing named as the client ID, or the exclusive thing, in the connection facts', async () => {
    const { registry, certificate } = await withDevice();
    await registry.createThing({ thingName: 'sensor-1', attributes: { room: 'kitchen' } });
    await registry.attachThingPrincipal('sensor-1', certificate.certificateId);
    await registry.createPolicy('own', allow('iot:Connect', '*'));
    await registry.attachPolicy('own', certificate.certificateId);

    const named = await registry.connectionFacts(certificate.certificateId, 'sensor-1');
    expect(named.thing?.attributes).toEqual({ room: 'kitchen' });
    expect(named.policies.map((p) => [p.policyName, p.versionId, p.attachedTo])).toEqual([
      ['own', '1', 'principal'],
    ]);
    const other = await registry.connectionFacts(certificate.certificateId, 'someone-else');
    expect(other.thing).toBeNull();

    await registry.attachThingPrincipal('sensor-1', certificate.certificateId, { exclusive: true });
    const exclusive = await registry.connectionFacts(certificate.certificateId, 'someone-else');
    expect(exclusive.thing?.thingName).toBe('sensor-1');
  });
});

describe('thing groups and their policies', () => {
  it('adds a thing to a group in a parent group, and the facts carry both groups’ policies', async () => {
    const { registry, certificate } = await withDevice();
    await registry.createThing({ thingName: 'sensor-1' });
    await registry.attachThingPrincipal('sensor-1', certificate.certificateId);
    await registry.createThingGroup('building');
    const floor = await registry.createThingGroup('floor-1', { parentGroupName: 'building' });
    await registry.addThingToThingGroup('floor-1', 'sensor-1');
    await registry.createPolicy('floor', allow('iot:Publish', `${ARN}:topic/floor`));
    await registry.createPolicy('building', allow('iot:Publish', `${ARN}:topic/building`));
    await registry.attachPolicy('floor', floor.thingGroupArn);
    await registry.attachPolicy('building', 'building');

    expect(floor).toMatchObject({
      thingGroupArn: `${ARN}:thinggroup/floor-1`,
      parentGroupName: 'building',
    });
    expect(
      (await registry.listThingGroupsForThing('sensor-1')).map((g) => g.thingGroupName),
    ).toEqual(['floor-1']);
    expect(await registry.listThingsInThingGroup('floor-1')).toEqual(['sensor-1']);
    expect(await registry.listTargetsForPolicy('floor')).toEqual([`${ARN}:thinggroup/floor-1`]);
    expect(await registry.listAttachedPolicies('building')).toEqual([
      { policyName: 'building', policyArn: `${ARN}:policy/building` },
    ]);

    const facts = await registry.connectionFacts(certificate.certificateId, 'sensor-1');
    expect(facts.thingGroups).toEqual(['floor-1', 'building']);
    expect(facts.policies.map((p) => [p.policyName, p.attachedTo, p.target])).toEqual([
      ['floor', 'thing-group', `${ARN}:thinggroup/floor-1`],
      ['building', 'thing-group', `${ARN}:thinggroup/building`],
    ]);

    expect((await refusal(registry.deleteThingGroup('building'))).code).toBe(
      'thing-group-has-children',
    );
    await registry.removeThingFromThingGroup('floor-1', 'sensor-1');
    expect(await registry.listThingGroupsForThing('sensor-1')).toEqual([]);
  });

  it('allows two policies on a group, as AWS does, and refuses a third', async () => {
    const { registry } = registryOver();
    await registry.createThingGroup('g');
    for (const name of ['a', 'b', 'c'])
      await registry.createPolicy(name, allow('iot:Connect', '*'));
    await registry.attachPolicy('a', 'g');
    await registry.attachPolicy('b', 'g');

    const error = await refusal(registry.attachPolicy('c', 'g'));
    expect(error.code).toBe('limit-exceeded');
    expect((await refusal(registry.attachPolicy('a', `${ARN}:thing/x`))).code).toBe(
      'invalid-target',
    );
    expect((await refusal(registry.detachPolicy('c', 'g'))).code).toBe('not-attached');
  });
});
