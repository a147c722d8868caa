/**
 * The simulator's identity form as the request context AWS IoT would build at CONNECT: the
 * client ID and source address (`basic-policy-variables`), the registry thing linked to the
 * connection (`thing-policy-variables`, `exclusive-thing`) and the certificate's subject and ID
 * (`cert-policy-variables`). Keys are spelt as in `policy-cases.json`.
 */
import type { RequestContext } from '../../core/policy/index.ts';

/** What the learner types about the device, its thing and its certificate. */
export interface IdentityFields {
  clientId: string;
  /** aws:SourceIp; empty leaves the key out. */
  sourceIp: string;
  /** A thing in the registry; empty means none. */
  thingName: string;
  thingTypeName: string;
  /** One `name=value` per line. */
  attributes: string;
  /** The certificate is attached to the thing (AttachThingPrincipal). */
  thingAttached: boolean;
  /** The attachment is exclusive (EXCLUSIVE_THING), linking the thing whatever the client ID. */
  exclusive: boolean;
  commonName: string;
  organization: string;
  organizationalUnit: string;
  country: string;
  /** 64 hexadecimal characters. */
  certificateId: string;
}

export const EMPTY_IDENTITY: IdentityFields = {
  clientId: '',
  sourceIp: '',
  thingName: '',
  thingTypeName: '',
  attributes: '',
  thingAttached: false,
  exclusive: false,
  commonName: '',
  organization: '',
  organizationalUnit: '',
  country: '',
  certificateId: '',
};

/** A field whose value AWS would not accept, and why. */
export interface FieldProblem {
  field: keyof IdentityFields;
  message: string;
}

/** Whether a registry thing is linked to the connection, in words. */
export interface ThingLink {
  linked: boolean;
  why: string;
}

export interface IdentityContext {
  context: RequestContext;
  link: ThingLink;
  problems: FieldProblem[];
}

/** Subject fields and the certificate variable each one sets. */
const SUBJECT_KEYS = {
  commonName: 'iot:Certificate.Subject.CommonName',
  organization: 'iot:Certificate.Subject.Organization',
  organizationalUnit: 'iot:Certificate.Subject.OrganizationalUnit',
  country: 'iot:Certificate.Subject.Country',
} as const satisfies Partial<Record<keyof IdentityFields, string>>;

/** Thing names: 1 to 128 of these characters (`API_CreateThing`). */
const THING_NAME = /^[a-zA-Z0-9:_-]{1,128}$/;
const CERTIFICATE_ID = /^[0-9a-f]{64}$/i;
/** A thing has at most 50 attributes (`thing-policy-variables`). */
const MAX_ATTRIBUTES = 50;

/** The request context for the identity, whether a thing is linked, and what is malformed. */
export function identityContext(fields: IdentityFields): IdentityContext {
  const problems: FieldProblem[] = [];
  const context: Record<string, string | string[] | Record<string, string>> = {
    'iot:ClientId': fields.clientId,
  };
  if (fields.sourceIp.trim() !== '') context['aws:SourceIp'] = fields.sourceIp.trim();

  const thingName = fields.thingName.trim();
  if (thingName !== '' && !THING_NAME.test(thingName)) {
    problems.push({
      field: 'thingName',
      message:
        `"${thingName}" cannot be a thing name: AWS IoT allows 1 to 128 letters, digits and ` +
        `the characters : _ -.`,
    });
  }

  const attributes = readAttributes(fields.attributes, problems);
  const link = thingLink(fields, thingName);
  context['iot:Connection.Thing.IsAttached'] = link.linked ? 'true' : 'false';
  if (link.linked) {
    context['iot:Connection.Thing.ThingName'] = thingName;
    if (fields.thingTypeName.trim() !== '') {
      context['iot:Connection.Thing.ThingTypeName'] = fields.thingTypeName.trim();
    }
    context['iot:Connection.Thing.Attributes'] = attributes;
  }

  for (const [field, key] of Object.entries(SUBJECT_KEYS)) {
    const value = fields[field as keyof typeof SUBJECT_KEYS];
    if (value !== '') context[key] = [value];
  }

  const certificateId = fields.certificateId.trim();
  if (certificateId !== '') {
    context['iot:CertificateId'] = certificateId;
    if (!CERTIFICATE_ID.test(certificateId)) {
      problems.push({
        field: 'certificateId',
        message:
          `A certificate ID is 64 hexadecimal characters; this one has ${certificateId.length} ` +
          `characters${/[^0-9a-f]/i.test(certificateId) ? ', not all of them hexadecimal' : ''}.`,
      });
    }
  }

  return { context, link, problems };
}

/**
 * The thing is linked when it exists, is attached to the certificate, and either the client ID
 * is its name or the attachment is exclusive (`thing-policy-variables`, `exclusive-thing`).
 */
export function thingLink(fields: IdentityFields, thingName = fields.thingName.trim()): ThingLink {
  if (thingName === '') {
    return {
      linked: false,
      why: 'No thing is named, so no registry thing is linked: thing variables do not resolve.',
    };
  }
  if (!fields.thingAttached) {
    return {
      linked: false,
      why:
        `The thing "${thingName}" is not attached to the certificate, so it is not linked: ` +
        `thing variables do not resolve and IsAttached is "false".`,
    };
  }
  if (fields.exclusive) {
    return {
      linked: true,
      why:
        `The certificate is exclusively attached to "${thingName}", so that thing is linked ` +
        `whatever the client ID.`,
    };
  }
  if (fields.clientId !== thingName) {
    return {
      linked: false,
      why:
        `The client ID "${fields.clientId}" is not the thing name "${thingName}", so no thing is ` +
        `linked: thing variables do not resolve and IsAttached is "false". Connect with the ` +
        `client ID "${thingName}", or attach the certificate exclusively.`,
    };
  }

  return {
    linked: true,
    why: `The client ID is the name of the thing "${thingName}", which is attached to the certificate.`,
  };
}

/** `name=value` lines as thing attributes; a line without '=' is named as a problem. */
export function readAttributes(
  text: string,
  problems: FieldProblem[] = [],
): Record<string, string> {
  const attributes: Record<string, string> = {};
  const lines = text.split(/\r?\n/);

  lines.forEach((line, index) => {
    if (line.trim() === '') return;

    const equals = line.indexOf('=');
    const name = equals === -1 ? '' : line.slice(0, equals).trim();
    if (name === '') {
      problems.push({
        field: 'attributes',
        message:
          `Line ${index + 1}, ${JSON.stringify(line.trim())}, is not name=value: write the ` +
          `attribute's name, '=', then its value.`,
      });
      return;
    }
    attributes[name] = line.slice(equals + 1).trim();
  });

  const count = Object.keys(attributes).length;
  if (count > MAX_ATTRIBUTES) {
    problems.push({
      field: 'attributes',
      message: `A thing has at most ${MAX_ATTRIBUTES} attributes; this list has ${count}.`,
    });
  }

  return attributes;
}
