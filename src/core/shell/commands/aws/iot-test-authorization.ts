/**
 * `aws iot test-authorization --principal <cert ARN> --auth-infos '[…]' [--client-id id]`: the
 * policies in force for the certificate (and its linked thing's groups), evaluated with the
 * course's policy engine, answered in API_TestAuthorization's shape. The engine's one-sentence
 * reason for each resource goes to standard error, so the JSON on standard output stays AWS's.
 */
import { registryArn } from '../../../lab/registry/iot-names.ts';
import type { ConnectionFacts, PolicySummary } from '../../../lab/iot-registry.ts';
import type { Decision } from '../../../policy/decision.ts';
import { evaluate } from '../../../policy/evaluate.ts';
import type { RequestContext } from '../../../policy/request-context.ts';
import { ParameterError, type IotOperation } from './aws-cli.ts';

/** API_AuthInfo actionType values and the IoT action each is checked as. */
const ACTIONS: Record<string, string> = {
  PUBLISH: 'iot:Publish',
  SUBSCRIBE: 'iot:Subscribe',
  RECEIVE: 'iot:Receive',
  CONNECT: 'iot:Connect',
  RETAIN: 'iot:RetainPublish',
};

interface AuthInfo {
  actionType: string;
  resources: string[];
}

export const testAuthorization: IotOperation = {
  name: 'test-authorization',
  api: 'TestAuthorization',
  summary: "decide requests with a certificate's policies, as the broker would",
  parameters: [
    {
      flag: '--principal',
      value: 'arn',
      required: true,
      summary: 'the certificate ARN (or ID)',
      complete: 'principal',
    },
    {
      flag: '--auth-infos',
      value: 'json',
      required: true,
      summary: '[{"actionType":"PUBLISH","resources":["arn:aws:iot:…:topic/x"]}]',
    },
    { flag: '--client-id', value: 'id', summary: 'the MQTT client ID to assume' },
  ],
  async run(call) {
    const infos = readAuthInfos(call.value('--auth-infos')!);
    const principal = call.value('--principal')!;
    const certificateId = principal.replace(/^arn:.*:cert\//, '');
    await call.registry.describeCertificate(certificateId);

    const clientId = call.value('--client-id');
    const facts = await call.registry.connectionFacts(certificateId, clientId ?? '');
    const context = contextOf(facts, certificateId, clientId);
    const policies = facts.policies.map((p) => ({
      name: p.policyName,
      document: p.document,
      attachedTo: p.attachedTo,
    }));

    const authResults = infos.map((info) => {
      const decisions = info.resources.map((resource) =>
        evaluate({ action: ACTIONS[info.actionType]!, resource }, policies, context),
      );
      const authDecision = combined(decisions);
      for (const d of decisions) {
        call.ctx.stderr.write(`note: ${d.request.action} on ${d.request.resource}: ${d.summary}\n`);
        call.ctx.emit({
          kind: 'authorization',
          action: d.request.action,
          resource: d.request.resource,
          decision: decisionWord(d),
        });
      }
      return {
        authInfo: info,
        allowed: { policies: policiesOf(decisions, 'allowed') },
        denied: {
          implicitDeny: { policies: policiesOf(decisions, 'implicitly-denied', policies) },
          explicitDeny: { policies: policiesOf(decisions, 'explicitly-denied') },
        },
        authDecision,
        missingContextValues: [],
      };
    });
    return { authResults };
  },
};

function readAuthInfos(text: string): AuthInfo[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ParameterError(
      `argument --auth-infos: Invalid JSON: ${(error as Error).message}\nJSON received: ${text}`,
    );
  }
  if (!Array.isArray(json) || json.length === 0) {
    throw new ParameterError(
      'argument --auth-infos: give a list, e.g. ' +
        '[{"actionType":"PUBLISH","resources":["arn:aws:iot:us-east-1:123456789012:topic/x"]}]',
    );
  }

  return json.map((item: { actionType?: unknown; resources?: unknown }, index) => {
    const action = item?.actionType;
    if (typeof action !== 'string' || !(action in ACTIONS)) {
      throw new ParameterError(
        `Invalid value for parameter authInfos[${index}].actionType, value: ${JSON.stringify(action)}, ` +
          `valid choices: ${Object.keys(ACTIONS).join(', ')}`,
      );
    }
    const resources = item.resources;
    if (!Array.isArray(resources) || !resources.every((r) => typeof r === 'string')) {
      throw new ParameterError(
        `authInfos[${index}].resources must be a list of ARNs, e.g. ["arn:aws:iot:us-east-1:123456789012:topic/x"]`,
      );
    }
    return { actionType: action, resources };
  });
}

/** What AWS IoT knows at CONNECT for this certificate (`iot-policy-variables`). */
function contextOf(
  facts: ConnectionFacts,
  certificateId: string,
  clientId: string | undefined,
): RequestContext {
  const context: Record<string, string | string[] | Record<string, string>> = {
    'iot:CertificateId': certificateId,
    'iot:Connection.Thing.IsAttached': facts.thing ? 'true' : 'false',
  };
  if (clientId !== undefined) context['iot:ClientId'] = clientId;

  const commonNames = [...(facts.certificate?.subject ?? '').matchAll(/(?:^|,)CN=([^,]*)/g)];
  if (commonNames.length > 0) {
    context['iot:Certificate.Subject.CommonName'] = commonNames.map((m) => m[1]!);
  }
  if (facts.thing) {
    context['iot:Connection.Thing.ThingName'] = facts.thing.thingName;
    context['iot:Connection.Thing.Attributes'] = facts.thing.attributes;
    if (facts.thing.thingTypeName) {
      context['iot:Connection.Thing.ThingTypeName'] = facts.thing.thingTypeName;
    }
  }
  return context;
}

function decisionWord(decision: Decision): string {
  if (decision.outcome === 'allowed') return 'ALLOWED';
  return decision.outcome === 'explicitly-denied' ? 'EXPLICIT_DENY' : 'IMPLICIT_DENY';
}

/** One resource denied denies the request: explicit before implicit. */
function combined(decisions: Decision[]): string {
  const words = decisions.map(decisionWord);
  if (words.includes('EXPLICIT_DENY')) return 'EXPLICIT_DENY';
  return words.includes('IMPLICIT_DENY') ? 'IMPLICIT_DENY' : 'ALLOWED';
}

/** The policies behind one kind of outcome: the deciding ones, or for an implicit deny all evaluated. */
function policiesOf(
  decisions: Decision[],
  outcome: Decision['outcome'],
  evaluated: { name: string }[] = [],
): PolicySummary[] {
  const names = new Set<string>();
  for (const d of decisions.filter((x) => x.outcome === outcome)) {
    if (d.decidingStatement) names.add(d.decidingStatement.policy);
    else evaluated.forEach((p) => names.add(p.name));
  }
  return [...names].map((policyName) => ({
    policyName,
    policyArn: registryArn('policy', policyName),
  }));
}
