/*
 * The keep-alive AWS IoT Core holds a connection to, whatever the CONNECT asked for ("AWS IoT
 * Core endpoints and quotas", keep-alive; flow-16): 30 to 1200 seconds, where 0 (which MQTT
 * 3.1.1 reads as "no keep-alive" [MQTT-3.1.2-10]) gets the default of 1200. The broker then
 * closes a connection that sends nothing for 1.5 times that [MQTT-3.1.2-24]. MQTT 3.1.1 has no
 * way to tell the client the value in force (MQTT 5's Server Keep Alive does), so the lab's
 * connect event reports both.
 */

/** The shortest keep-alive AWS IoT Core keeps, in seconds; shorter requests get this. */
export const AWS_MIN_KEEPALIVE = 30;

/** The longest keep-alive AWS IoT Core keeps, and the one it gives a request of 0. */
export const AWS_MAX_KEEPALIVE = 1200;

/** The keep-alive in force, in seconds, for a CONNECT that asked for `requested` seconds. */
export function effectiveKeepAlive(requested: number): number {
  if (requested === 0) return AWS_MAX_KEEPALIVE;

  return Math.min(Math.max(requested, AWS_MIN_KEEPALIVE), AWS_MAX_KEEPALIVE);
}
