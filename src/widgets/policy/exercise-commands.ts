/**
 * The native commands of the policy exercise with the lab server: the device's own topic, a
 * topic of another device, and a broad subscription, each with the device kit's file names and
 * the lab CA the lab server writes to its data folder (.lab by default).
 */

export interface ExerciseCommand {
  label: string;
  text: string;
}

const LAB_CA = '.lab/ca/lab-root-ca.pem';

export function exerciseCommands(thingName: string, port: number): ExerciseCommand[] {
  const tls = `-h localhost -p ${port} --cafile ${LAB_CA} --cert device.crt --key device.key`;
  return [
    {
      label: 'Publish to its own telemetry topic (allowed by the example policy):',
      text: `mosquitto_pub ${tls} -i ${thingName} -t sensors/${thingName}/temperature -m '{"celsius": 21.5}'`,
    },
    {
      label: "Publish to another device's topic (refused: the broker closes the connection):",
      text: `mosquitto_pub ${tls} -i ${thingName} -t sensors/another-device/temperature -m '{"celsius": 99}'`,
    },
    {
      label: 'Subscribe to everything (refused with SUBACK 0x80):',
      text: `mosquitto_sub ${tls} -i ${thingName} -t '#' -v`,
    },
    {
      label: 'Connect with another client ID (refused with CONNACK 5):',
      text: `mosquitto_pub ${tls} -i another-device -t sensors/${thingName}/temperature -m hi`,
    },
  ];
}
