/**
 * Which rule book a topic is checked against: plain MQTT 3.1.1, or MQTT as AWS IoT Core
 * implements it (extra quotas, reserved `$` topics, `$share/` groups, a stricter `#`).
 */
export const PROFILES = ['mqtt', 'aws-iot'] as const;

export type Profile = (typeof PROFILES)[number];

export function isProfile(x: string): x is Profile {
  return (PROFILES as readonly string[]).includes(x);
}

/** One line per profile, for help text and profile pickers. */
export const PROFILE_DESCRIPTIONS: Readonly<Record<Profile, string>> = {
  mqtt: 'MQTT 3.1.1 as the OASIS standard defines it (section 4.7)',
  'aws-iot': "AWS IoT Core: its quotas, reserved '$' topics, $share/, stricter '#'",
};
