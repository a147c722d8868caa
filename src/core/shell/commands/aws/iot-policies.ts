/**
 * `aws iot` policy operations against the lab registry (API_CreatePolicy, API_GetPolicy,
 * API_ListPolicies, API_AttachPolicy, API_DetachPolicy). The registry validates a document with
 * the course's policy engine, so a refused one is reported with the editor's words.
 */
import type { IotOperation } from './aws-cli.ts';
import { cliTime } from './iot-certificates.ts';

const POLICY_NAME = {
  flag: '--policy-name',
  value: 'name',
  required: true,
  summary: 'the policy name',
  complete: 'policy' as const,
};

const TARGET = {
  flag: '--target',
  value: 'arn',
  required: true,
  summary: 'a certificate ARN (or ID), or a thing group name or ARN',
  complete: 'principal' as const,
};

export const createPolicy: IotOperation = {
  name: 'create-policy',
  api: 'CreatePolicy',
  summary: 'create a policy from a JSON document',
  parameters: [
    POLICY_NAME,
    {
      flag: '--policy-document',
      value: 'file://p.json',
      required: true,
      summary: 'the policy document, as file://p.json or JSON text',
      complete: 'file',
    },
  ],
  async run(call) {
    const made = await call.registry.createPolicy(
      call.value('--policy-name')!,
      call.value('--policy-document')!,
    );
    return {
      policyName: made.policyName,
      policyArn: made.policyArn,
      policyDocument: made.policyDocument,
      policyVersionId: made.versionId,
    };
  },
};

export const getPolicy: IotOperation = {
  name: 'get-policy',
  api: 'GetPolicy',
  summary: "show a policy and its default version's document",
  parameters: [POLICY_NAME],
  async run(call) {
    const policy = await call.registry.getPolicy(call.value('--policy-name')!);
    return {
      policyName: policy.policyName,
      policyArn: policy.policyArn,
      policyDocument: policy.policyDocument,
      defaultVersionId: policy.defaultVersionId,
      creationDate: cliTime(policy.createdAt),
      lastModifiedDate: cliTime(policy.updatedAt),
    };
  },
};

export const listPolicies: IotOperation = {
  name: 'list-policies',
  api: 'ListPolicies',
  summary: 'list the policies in the lab registry',
  parameters: [],
  async run(call) {
    return { policies: await call.registry.listPolicies() };
  },
};

export const attachPolicy: IotOperation = {
  name: 'attach-policy',
  api: 'AttachPolicy',
  summary: 'attach a policy to a certificate or a thing group',
  parameters: [POLICY_NAME, TARGET],
  async run(call) {
    await call.registry.attachPolicy(call.value('--policy-name')!, call.value('--target')!);
    return undefined;
  },
};

export const detachPolicy: IotOperation = {
  name: 'detach-policy',
  api: 'DetachPolicy',
  summary: 'detach a policy from a certificate or a thing group',
  parameters: [POLICY_NAME, TARGET],
  async run(call) {
    await call.registry.detachPolicy(call.value('--policy-name')!, call.value('--target')!);
    return undefined;
  },
};
