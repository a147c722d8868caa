import { describe, expect, it } from 'vitest';
import { evaluateClause } from '../../../src/core/policy/condition.ts';
import type { RequestContext } from '../../../src/core/policy/request-context.ts';

function clause(operator: string, key: string, values: string | string[], context: RequestContext) {
  const list = Array.isArray(values) ? values : [values];
  const entries = list.map((value, i) => ({ value, path: ['Condition', operator, key, i] }));

  return evaluateClause(
    { operator, key, values: entries, path: ['Condition', operator, key] },
    context,
    true,
  );
}

const holds = (operator: string, key: string, values: string | string[], context: RequestContext) =>
  clause(operator, key, values, context).holds;

const PLAIN: RequestContext = { 'iot:ClientId': 'sensor-9', 'iot:ConnectAttributes': [] };
const PERSISTENT: RequestContext = { 'iot:ConnectAttributes': ['PersistentConnect'] };
const BOTH: RequestContext = { 'iot:ConnectAttributes': ['PersistentConnect', 'LastWill'] };

describe('string and ARN conditions', () => {
  it('StringEquals is case-sensitive; StringEqualsIgnoreCase is not', () => {
    expect(holds('StringEquals', 'iot:ClientId', 'Sensor-9', PLAIN)).toBe(false);
    expect(holds('StringEqualsIgnoreCase', 'iot:ClientId', 'Sensor-9', PLAIN)).toBe(true);
  });

  it('the values listed for one key are alternatives', () => {
    expect(holds('StringEquals', 'iot:ClientId', ['a', 'sensor-9'], PLAIN)).toBe(true);
  });

  it('StringLike reads * and ? as wildcards; StringEquals does not', () => {
    expect(holds('StringLike', 'iot:ClientId', 'sensor-?', PLAIN)).toBe(true);
    expect(holds('StringEquals', 'iot:ClientId', 'sensor-*', PLAIN)).toBe(false);
  });

  it('substitutes policy variables in string values', () => {
    const context = { 'iot:ClientId': 'thing1', 'iot:Connection.Thing.ThingName': 'thing1' };

    expect(
      holds('StringEquals', 'iot:ClientId', '${iot:Connection.Thing.ThingName}', context),
    ).toBe(true);
  });

  it('ArnEquals and ArnLike match each colon-separated part on its own, so * stops at a colon', () => {
    const will = { 'iot:LastWillTopic': 'arn:aws:iot:us-east-1:123456789012:topic/will/dev1' };

    expect(
      holds('ArnEquals', 'iot:LastWillTopic', 'arn:aws:iot:*:123456789012:topic/will/*', will),
    ).toBe(true);
    expect(holds('ArnLike', 'iot:LastWillTopic', 'arn:aws:iot:*:topic/will/*', will)).toBe(false);
  });
});

describe('an absent key', () => {
  it('fails a plain operator and satisfies a negated one', () => {
    expect(holds('StringEquals', 'iot:DomainName', 'iot.example.com', PLAIN)).toBe(false);
    expect(holds('StringNotEquals', 'iot:DomainName', 'iot.example.com', PLAIN)).toBe(true);
  });

  it('is skipped by …IfExists', () => {
    expect(holds('StringEqualsIfExists', 'iot:DomainName', 'iot.example.com', PLAIN)).toBe(true);
  });

  it('is what Null "true" asks for', () => {
    expect(holds('Null', 'iot:DomainName', 'true', PLAIN)).toBe(true);
    expect(holds('Null', 'iot:ClientId', 'true', PLAIN)).toBe(false);
    expect(holds('Null', 'iot:ClientId', 'false', PLAIN)).toBe(true);
  });

  it('says why it is absent', () => {
    expect(
      clause('StringEquals', 'iot:Connection.Thing.ThingTypeName', 'lamp', PLAIN).reason,
    ).toMatch(
      /^the request context has no iot:Connection\.Thing\.ThingTypeName: no registry thing is linked/,
    );
  });
});

describe('multi-valued keys and set operators', () => {
  it('ForAllValues holds when every request value is allowed, and for the empty set', () => {
    expect(
      holds(
        'ForAllValues:StringEquals',
        'iot:ConnectAttributes',
        ['PersistentConnect'],
        PERSISTENT,
      ),
    ).toBe(true);
    expect(
      holds('ForAllValues:StringEquals', 'iot:ConnectAttributes', ['PersistentConnect'], BOTH),
    ).toBe(false);
    expect(holds('ForAllValues:StringEquals', 'iot:ConnectAttributes', [], PLAIN)).toBe(true);
  });

  it('ForAnyValue needs one request value to match, so never holds for the empty set', () => {
    expect(holds('ForAnyValue:StringEquals', 'iot:ConnectAttributes', 'LastWill', BOTH)).toBe(true);
    expect(
      holds('ForAnyValue:StringEquals', 'iot:ConnectAttributes', 'PersistentConnect', PLAIN),
    ).toBe(false);
  });

  it('ForAllValues with a negated operator: no request value may be listed', () => {
    expect(
      holds('ForAllValues:StringNotEquals', 'iot:ConnectAttributes', 'PersistentConnect', BOTH),
    ).toBe(false);
    expect(
      holds('ForAllValues:StringNotEquals', 'iot:ConnectAttributes', 'PersistentConnect', PLAIN),
    ).toBe(true);
  });

  it('an absent certificate attribute is an empty .List: ForAllValues holds, ForAnyValue does not', () => {
    const none: RequestContext = {};

    expect(
      holds(
        'ForAllValues:StringEquals',
        'iot:Certificate.Subject.Organization.List',
        'Example Corp',
        none,
      ),
    ).toBe(true);
    expect(
      holds(
        'ForAnyValue:StringEquals',
        'iot:Certificate.Subject.CommonName.List',
        'Administrator',
        none,
      ),
    ).toBe(false);
  });

  it('explains a failing ForAllValues by the request value that fails', () => {
    expect(
      clause('ForAllValues:StringEquals', 'iot:ConnectAttributes', ['PersistentConnect'], BOTH)
        .reason,
    ).toBe(
      'the request value "LastWill" fails: each must be one that matches one of ["PersistentConnect"]',
    );
  });
});

describe('Bool, IpAddress, Numeric and unknown operators', () => {
  it('Bool compares true and false as words, ignoring case', () => {
    const attached = { 'iot:Connection.Thing.IsAttached': 'true' };

    expect(holds('Bool', 'iot:Connection.Thing.IsAttached', 'TRUE', attached)).toBe(true);
    expect(holds('Bool', 'iot:Connection.Thing.IsAttached', 'false', attached)).toBe(false);
  });

  it('IpAddress accepts addresses and CIDR blocks, IPv4 and IPv6; NotIpAddress negates', () => {
    const v4 = { 'aws:SourceIp': '123.45.167.200' };
    const v6 = { 'aws:SourceIp': '2001:db8::1' };

    expect(holds('IpAddress', 'aws:SourceIp', '123.45.167.0/24', v4)).toBe(true);
    expect(holds('IpAddress', 'aws:SourceIp', '123.45.167.89', v4)).toBe(false);
    expect(holds('NotIpAddress', 'aws:SourceIp', '10.0.0.0/8', v4)).toBe(true);
    expect(holds('IpAddress', 'aws:SourceIp', '2001:db8::/32', v6)).toBe(true);
    expect(holds('IpAddress', 'aws:SourceIp', '10.0.0.0/8', v6)).toBe(false);
  });

  it('Numeric operators compare thing attributes as numbers', () => {
    const floor = { 'iot:Connection.Thing.Attributes': { floor: '12' } };

    expect(holds('NumericLessThan', 'iot:Connection.Thing.Attributes[floor]', '100', floor)).toBe(
      true,
    );
    expect(holds('NumericGreaterThan', 'iot:Connection.Thing.Attributes[floor]', '9', floor)).toBe(
      true,
    );
  });

  it('an operator IAM does not know never holds', () => {
    const result = clause('StringEqual', 'iot:ClientId', 'sensor-9', PLAIN);

    expect(result.holds).toBe(false);
    expect(result.reason).toBe(
      '"StringEqual" is not a condition operator, so the clause never holds',
    );
  });
});
