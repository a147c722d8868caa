/** The row of example policies above the policy editor, in the order the lesson meets them. */
import {
  ALLOW_EVERYTHING,
  DEVICE_POLICY,
  MQTT_WILDCARDS,
  SUBSCRIBE_DENY_TRAP,
  SUBSCRIBE_TOPIC_ARN,
} from './example-policies.ts';

export interface EditorExample {
  id: string;
  /** The button's words. */
  label: string;
  text: string;
}

export const EDITOR_EXAMPLES: readonly EditorExample[] = [
  { id: 'device', label: 'Least-privilege device', text: DEVICE_POLICY },
  { id: 'subscribe-trap', label: 'Deny that a/# walks around', text: SUBSCRIBE_DENY_TRAP },
  { id: 'allow-everything', label: 'iot:* on *', text: ALLOW_EVERYTHING },
  { id: 'subscribe-topic-arn', label: 'Subscribe with a topic/ ARN', text: SUBSCRIBE_TOPIC_ARN },
  { id: 'mqtt-wildcards', label: '+ and # in resources', text: MQTT_WILDCARDS },
];

export function findEditorExample(id: string): EditorExample | undefined {
  return EDITOR_EXAMPLES.find((e) => e.id === id);
}
