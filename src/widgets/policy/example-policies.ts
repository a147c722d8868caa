/**
 * The policies the lesson's editor and simulator load: each one either shows a good habit or
 * one of the traps in section 9 of the policy spec. ARNs use the account and Region of the AWS
 * documentation, as the case file does.
 */

const ARN = 'arn:aws:iot:us-east-1:123456789012';

/** A policy document written out as a learner would type it. */
function policy(statements: readonly object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

/** What AWS recommends for a registered device: everything scoped to its own thing name. */
export const DEVICE_POLICY = policy([
  {
    Sid: 'ConnectAsOwnThing',
    Effect: 'Allow',
    Action: 'iot:Connect',
    Resource: `${ARN}:client/\${iot:Connection.Thing.ThingName}`,
    Condition: { Bool: { 'iot:Connection.Thing.IsAttached': 'true' } },
  },
  {
    Sid: 'PublishOwnTelemetry',
    Effect: 'Allow',
    Action: 'iot:Publish',
    Resource: `${ARN}:topic/sensors/\${iot:Connection.Thing.ThingName}/*`,
  },
  {
    Sid: 'SubscribeOwnCommands',
    Effect: 'Allow',
    Action: 'iot:Subscribe',
    Resource: `${ARN}:topicfilter/commands/\${iot:Connection.Thing.ThingName}/*`,
  },
  {
    Sid: 'ReceiveOwnCommands',
    Effect: 'Allow',
    Action: 'iot:Receive',
    Resource: `${ARN}:topic/commands/\${iot:Connection.Thing.ThingName}/*`,
  },
]);

/** The documented trap (`pub-sub-policy`): a Deny on iot:Subscribe that `a/#` walks around. */
export const SUBSCRIBE_DENY_TRAP = policy([
  {
    Sid: 'SubscribeUnderA',
    Effect: 'Allow',
    Action: 'iot:Subscribe',
    Resource: `${ARN}:topicfilter/a/*`,
  },
  {
    Sid: 'NoRestrictedFilters',
    Effect: 'Deny',
    Action: 'iot:Subscribe',
    Resource: `${ARN}:topicfilter/a/restricted/*`,
  },
  {
    Sid: 'ReceiveUnderA',
    Effect: 'Allow',
    Action: 'iot:Receive',
    Resource: `${ARN}:topic/a/*`,
  },
]);

/** Everything, everywhere: valid, and what the audit check calls overly permissive. */
export const ALLOW_EVERYTHING = policy([{ Effect: 'Allow', Action: 'iot:*', Resource: '*' }]);

/** The classic "I allowed it but it's denied": Subscribe given a topic/ ARN. */
export const SUBSCRIBE_TOPIC_ARN = policy([
  {
    Sid: 'SubscribeToCommands',
    Effect: 'Allow',
    Action: 'iot:Subscribe',
    Resource: `${ARN}:topic/commands/*`,
  },
]);

/** MQTT wildcards written into resources, where they are ordinary characters. */
export const MQTT_WILDCARDS = policy([
  {
    Sid: 'ReadAllSensors',
    Effect: 'Allow',
    Action: ['iot:Subscribe'],
    Resource: [`${ARN}:topicfilter/sensors/+/temperature`],
  },
  {
    Sid: 'ReceiveAllSensors',
    Effect: 'Allow',
    Action: ['iot:Receive'],
    Resource: [`${ARN}:topic/sensors/#`],
  },
]);

/** A per-client topic through ${iot:ClientId}, which the client chooses. */
export const TELEMETRY_BY_CLIENT_ID = policy([
  {
    Sid: 'PublishOwnTelemetry',
    Effect: 'Allow',
    Action: 'iot:Publish',
    Resource: `${ARN}:topic/sensors/\${iot:ClientId}/*`,
  },
]);

/** A second policy on the same certificate whose Deny wins over the first one's Allow. */
export const FIRMWARE_LOCKDOWN = policy([
  {
    Sid: 'NoFirmwareFromDevices',
    Effect: 'Deny',
    Action: 'iot:Publish',
    Resource: `${ARN}:topic/sensors/*/firmware`,
  },
]);

/** ${iot:ClientId} inside a topic filter: a client named '+' gets a wildcard. */
export const CLIENT_ID_FILTER = policy([
  {
    Sid: 'SubscribeOwnDeviceTopics',
    Effect: 'Allow',
    Action: 'iot:Subscribe',
    Resource: `${ARN}:topicfilter/devices/\${iot:ClientId}/*`,
  },
]);

/** iot:Publish without iot:RetainPublish. */
export const STATUS_WITHOUT_RETAIN = policy([
  {
    Sid: 'PublishOwnStatus',
    Effect: 'Allow',
    Action: 'iot:Publish',
    Resource: `${ARN}:topic/status/\${iot:Connection.Thing.ThingName}`,
  },
]);

/** Topics named from the certificate's subject. */
export const CERTIFICATE_TOPICS = policy([
  {
    Sid: 'PublishUnderOwnSubject',
    Effect: 'Allow',
    Action: 'iot:Publish',
    Resource:
      `${ARN}:topic/sites/\${iot:Certificate.Subject.Organization}/` +
      `\${iot:Certificate.Subject.CommonName}/*`,
  },
]);

/** A broad certificate policy, and a thing-group policy that narrows it. */
export const FLEET_TELEMETRY = policy([
  {
    Sid: 'PublishAnySensor',
    Effect: 'Allow',
    Action: 'iot:Publish',
    Resource: `${ARN}:topic/sensors/*`,
  },
]);

export const GROUP_NO_DEBUG = policy([
  {
    Sid: 'NoDebugTopics',
    Effect: 'Deny',
    Action: 'iot:Publish',
    Resource: `${ARN}:topic/sensors/*/debug`,
  },
]);

/** A Deny that needs a thing variable, beside an Allow that does not. */
export const DENY_NEEDS_THING = policy([
  {
    Sid: 'PublishAnySensor',
    Effect: 'Allow',
    Action: 'iot:Publish',
    Resource: `${ARN}:topic/sensors/*`,
  },
  {
    Sid: 'NoFirmwareForThisThing',
    Effect: 'Deny',
    Action: 'iot:Publish',
    Resource: `${ARN}:topic/sensors/\${iot:Connection.Thing.ThingName}/firmware`,
  },
]);

/** ForAllValues over a certificate attribute the certificate may not have. */
export const ORGANIZATION_ONLY = policy([
  {
    Sid: 'ConnectFromOurOrganization',
    Effect: 'Allow',
    Action: 'iot:Connect',
    Resource: `${ARN}:client/\${iot:Connection.Thing.ThingName}`,
    Condition: {
      Bool: { 'iot:Connection.Thing.IsAttached': 'true' },
      'ForAllValues:StringEquals': {
        'iot:Certificate.Subject.Organization.List': ['greenhouse-co'],
      },
    },
  },
]);
