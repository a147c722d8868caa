/** AlgorithmIdentifier (RFC 5280 §4.1.1.2): an OID and, for EC keys, the curve. */
import { TAG, children, expect, isUniversal, type Tlv } from './der-reader.ts';
import { readOid } from './der-values.ts';
import { field, type DecodedField } from './decoded-field.ts';
import { oidInfo } from './object-identifier.ts';

export interface AlgorithmIdentifier {
  oid: string;
  /** The standard's name, e.g. `sha256WithRSAEncryption`. */
  name: string;
  /** For `id-ecPublicKey`: the named curve's OID. */
  namedCurve?: string;
}

export function readAlgorithm(
  tlv: Tlv,
  name: string,
  meaning: string,
): { algorithm: AlgorithmIdentifier; field: DecodedField } {
  const [oidTlv, parameters] = children(expect(tlv, TAG.SEQUENCE, name, tlv), `the ${name}`);
  const oid = readOid(
    expect(oidTlv, TAG.OBJECT_IDENTIFIER, `The algorithm of ${name}`, tlv),
    `The algorithm of ${name}`,
  );
  const info = oidInfo(oid);
  const algorithm: AlgorithmIdentifier = { oid, name: info.name };
  const nodes = [field(oidTlv!, 'algorithm', info.meaning, `${info.name} (${oid})`)];

  if (isUniversal(parameters, TAG.OBJECT_IDENTIFIER)) {
    algorithm.namedCurve = readOid(parameters, `The curve of ${name}`);
    const curve = oidInfo(algorithm.namedCurve);
    nodes.push(
      field(parameters, 'namedCurve', curve.meaning, `${curve.name} (${algorithm.namedCurve})`),
    );
  } else if (isUniversal(parameters, TAG.NULL)) {
    nodes.push(
      field(parameters, 'parameters', 'No parameters: RSA algorithms write NULL here.', 'NULL'),
    );
  } else if (parameters) {
    nodes.push(field(parameters, 'parameters', 'Parameters of the algorithm.'));
  }

  return { algorithm, field: field(tlv, name, meaning, info.name, nodes) };
}
