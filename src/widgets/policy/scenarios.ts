/**
 * Ready-made situations for the policy simulator: the policies on a certificate, who connects,
 * and what they ask for. Each shows one rule or one trap from the lesson.
 */
import {
  CERTIFICATE_TOPICS,
  CLIENT_ID_FILTER,
  DENY_NEEDS_THING,
  DEVICE_POLICY,
  FIRMWARE_LOCKDOWN,
  FLEET_TELEMETRY,
  GROUP_NO_DEBUG,
  ORGANIZATION_ONLY,
  STATUS_WITHOUT_RETAIN,
  SUBSCRIBE_DENY_TRAP,
  SUBSCRIBE_TOPIC_ARN,
  TELEMETRY_BY_CLIENT_ID,
} from './example-policies.ts';
import { EMPTY_IDENTITY, type IdentityFields } from './identity-context.ts';
import type { SimAction } from './sim-request.ts';

/** A policy as the simulator holds it: a name, where it is attached, and its text. */
export interface PolicyDraft {
  name: string;
  attachedTo: 'principal' | 'thing-group';
  text: string;
}

/** Everything the simulator's form holds. */
export interface SimulatorState {
  policies: PolicyDraft[];
  identity: IdentityFields;
  action: SimAction;
  /** The topic name for Publish, RetainPublish and Receive. */
  topic: string;
  /** The topic filter for Subscribe. */
  filter: string;
  region: string;
  account: string;
}

export interface Scenario {
  id: string;
  label: string;
  state: SimulatorState;
}

/** A registered device whose client ID is its thing name, with a certificate for it. */
const SENSOR: IdentityFields = {
  ...EMPTY_IDENTITY,
  clientId: 'sensor-01',
  sourceIp: '203.0.113.10',
  thingName: 'sensor-01',
  thingTypeName: 'greenhouse-sensor',
  attributes: 'site=greenhouse-1\nfloor=2',
  thingAttached: true,
  commonName: 'sensor-01',
  organization: 'greenhouse-co',
  certificateId: '2e1eb273792174ec2b9bf4e9b37e6c6c692345499506002a35159767055278e8',
};

const BASE = { region: 'us-east-1', account: '123456789012', topic: '', filter: '' } as const;

function scenario(
  id: string,
  label: string,
  state: Omit<SimulatorState, keyof typeof BASE> & Partial<SimulatorState>,
): Scenario {
  return { id, label, state: { ...BASE, ...state } };
}

const cert = (name: string, text: string): PolicyDraft => ({ name, attachedTo: 'principal', text });

export const SCENARIOS: readonly Scenario[] = [
  scenario('device', 'Least-privilege device', {
    policies: [cert('sensor-policy', DEVICE_POLICY)],
    identity: SENSOR,
    action: 'iot:Publish',
    topic: 'sensors/sensor-01/temperature',
    filter: 'commands/sensor-01/#',
  }),
  scenario('explicit-deny', 'A Deny in another policy', {
    policies: [cert('telemetry', TELEMETRY_BY_CLIENT_ID), cert('lockdown', FIRMWARE_LOCKDOWN)],
    identity: SENSOR,
    action: 'iot:Publish',
    topic: 'sensors/sensor-01/firmware',
  }),
  scenario('subscribe-trap', 'Deny on a/restricted/* and a/#', {
    policies: [cert('subscriber', SUBSCRIBE_DENY_TRAP)],
    identity: SENSOR,
    action: 'iot:Subscribe',
    topic: 'a/restricted/x',
    filter: 'a/#',
  }),
  scenario('not-linked', 'Client ID is not the thing name', {
    policies: [cert('sensor-policy', DEVICE_POLICY)],
    identity: { ...SENSOR, clientId: 'sensor-01-debug' },
    action: 'iot:Connect',
    topic: 'sensors/sensor-01/temperature',
  }),
  scenario('deny-unresolved', 'A Deny switched off by a variable', {
    policies: [cert('sensor-rules', DENY_NEEDS_THING)],
    identity: { ...SENSOR, clientId: 'sensor-01-debug' },
    action: 'iot:Publish',
    topic: 'sensors/sensor-01/firmware',
  }),
  scenario('client-id-filter', '${iot:ClientId} in a topic filter', {
    policies: [cert('per-client', CLIENT_ID_FILTER)],
    identity: { ...SENSOR, clientId: '+', thingName: '', thingAttached: false, attributes: '' },
    action: 'iot:Subscribe',
    filter: 'devices/+/#',
  }),
  scenario('retain', 'Retained publish', {
    policies: [cert('status', STATUS_WITHOUT_RETAIN)],
    identity: SENSOR,
    action: 'iot:RetainPublish',
    topic: 'status/sensor-01',
  }),
  scenario('subscribe-topic-arn', 'Subscribe with a topic/ ARN', {
    policies: [cert('commands', SUBSCRIBE_TOPIC_ARN)],
    identity: SENSOR,
    action: 'iot:Subscribe',
    filter: 'commands/sensor-01',
  }),
  scenario('certificate', 'Certificate variables', {
    policies: [cert('by-subject', CERTIFICATE_TOPICS)],
    identity: SENSOR,
    action: 'iot:Publish',
    topic: 'sites/greenhouse-co/sensor-01/temperature',
  }),
  scenario('for-all-values', 'ForAllValues on a missing attribute', {
    policies: [cert('organization-only', ORGANIZATION_ONLY)],
    identity: { ...SENSOR, organization: '' },
    action: 'iot:Connect',
  }),
  scenario('thing-group', 'A thing-group policy', {
    policies: [
      cert('fleet', FLEET_TELEMETRY),
      { name: 'greenhouse-group', attachedTo: 'thing-group', text: GROUP_NO_DEBUG },
    ],
    identity: { ...SENSOR, clientId: 'sensor-01-debug' },
    action: 'iot:Publish',
    topic: 'sensors/sensor-01/debug',
  }),
];

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
