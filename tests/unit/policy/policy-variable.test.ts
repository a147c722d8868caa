import { describe, expect, it } from 'vitest';
import { substitute } from '../../../src/core/policy/policy-variable.ts';
import type { RequestContext } from '../../../src/core/policy/request-context.ts';

const ON = { enabled: true, wildcards: true };

const DEVICE: RequestContext = {
  'iot:ClientId': 'thing1',
  'iot:Connection.Thing.ThingName': 'thing1',
  'iot:Connection.Thing.ThingTypeName': 'lamp',
  'iot:Connection.Thing.Attributes': { building: 'b7' },
  'iot:Certificate.Subject.CommonName': ['dev1', 'Administrator'],
  'iot:Certificate.Subject.Organization': ['a', 'b', 'c', 'd', 'e', 'f'],
  'iot:Certificate.Subject.OrganizationalUnit': ['ops*'],
};

const text = (pattern: string, context: RequestContext = DEVICE) =>
  substitute(pattern, context, ON).text;

describe('basic and thing policy variables', () => {
  it('replace ${…} with the value from the request context', () => {
    expect(text('topic/${iot:ClientId}/*')).toBe('topic/thing1/*');
    expect(text('thing/${iot:Connection.Thing.ThingName}')).toBe('thing/thing1');
    expect(text('t/${iot:Connection.Thing.Attributes[building]}/x')).toBe('t/b7/x');
  });

  it('ignore the case of variable names, as IAM does with keys', () => {
    expect(text('${iot:clientid}')).toBe('thing1');
  });

  it('leave an unresolved variable as literal text and say why', () => {
    const result = substitute(
      'topic/${iot:Connection.Thing.ThingName}/*',
      { 'iot:ClientId': 'c' },
      ON,
    );

    expect(result.text).toBe('topic/${iot:Connection.Thing.ThingName}/*');
    expect(result.variables[0]?.unresolved).toMatch(/no registry thing is linked/);
  });

  it('never resolve the undocumented ${iot:Thing.ThingName}', () => {
    const result = substitute('${iot:Thing.ThingName}', DEVICE, ON);

    expect(result.text).toBe('${iot:Thing.ThingName}');
    expect(result.variables[0]?.unresolved).toBe(
      'iot:Thing.ThingName is not a policy variable AWS IoT knows',
    );
  });

  it('name a missing thing attribute', () => {
    const result = substitute('${iot:Connection.Thing.Attributes[floor]}', DEVICE, ON);

    expect(result.variables[0]?.unresolved).toContain('the linked thing has no attribute "floor"');
  });

  it('are plain text unless the policy Version is 2012-10-17', () => {
    const result = substitute('topic/${iot:ClientId}', DEVICE, { enabled: false, wildcards: true });

    expect(result.text).toBe('topic/${iot:ClientId}');
    expect(result.variables[0]?.unresolved).toMatch(/Version is not 2012-10-17/);
  });

  it('substitute a client ID holding * as literal text, never as a wildcard', () => {
    const tokens = substitute('topic/${iot:ClientId}', { 'iot:ClientId': 'dev*' }, ON).tokens;

    expect(tokens).toEqual([{ kind: 'literal', text: 'topic/dev*' }]);
  });

  it('write a literal *, ? or $ with ${*}, ${?}, ${$} or the $(*) spelling', () => {
    expect(substitute('a/${*}/${?}/$($)', DEVICE, ON).tokens).toEqual([
      { kind: 'literal', text: 'a/*/?/$' },
    ]);
  });

  it('leave $aws alone: only ${ starts a variable', () => {
    expect(text('topic/$aws/things/${iot:ClientId}/shadow/*')).toBe(
      'topic/$aws/things/thing1/shadow/*',
    );
  });
});

describe('certificate policy variables', () => {
  it('read the first value by default and .N as the value at position N from 0', () => {
    expect(text('${iot:Certificate.Subject.CommonName}')).toBe('dev1');
    expect(text('${iot:Certificate.Subject.CommonName.1}')).toBe('Administrator');
  });

  it('do not resolve an index past the last value', () => {
    const result = substitute('${iot:Certificate.Subject.CommonName.2}', DEVICE, ON);

    expect(result.variables[0]?.unresolved).toBe(
      'iot:Certificate.Subject.CommonName.2: the attribute has 2 value(s) and position 2 (counted from 0) is not one of them',
    );
  });

  it('keep only the first five values', () => {
    expect(text('${iot:Certificate.Subject.Organization.4}')).toBe('e');
    expect(
      substitute('${iot:Certificate.Subject.Organization.5}', DEVICE, ON).variables[0]?.unresolved,
    ).toMatch(/only the first 5 values of a certificate attribute exist/);
  });

  it('never substitute a value holding *, $, +, ? or #', () => {
    const result = substitute('${iot:Certificate.Subject.OrganizationalUnit}', DEVICE, ON);

    expect(result.text).toBe('${iot:Certificate.Subject.OrganizationalUnit}');
    expect(result.variables[0]?.unresolved).toContain('contains one of * $ + ? #');
  });

  it('cannot use a .List, which has several values, as a variable', () => {
    const result = substitute('${iot:Certificate.Subject.CommonName.List}', DEVICE, ON);

    expect(result.variables[0]?.unresolved).toBe(
      'iot:Certificate.Subject.CommonName.List is a list of values, and a variable needs exactly one',
    );
  });
});
