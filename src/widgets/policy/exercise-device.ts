/**
 * The live policy exercise's device in the lab registry: a thing, a certificate made by the lab
 * and attached to it, and a policy attached to the certificate, as the AWS IoT console's
 * "Create a thing" flow leaves them (device-certs-create, attach-to-cert-thing, attach-policy).
 * The learner's device is remembered in this browser, one per lab, so a reload keeps it.
 */
import type { LabRegistry } from '../../core/lab/iot-registry.ts';
import { putPolicyInForce, type PolicyInForce } from '../../core/lab/policy-in-force.ts';
import { RegistryError } from '../../core/lab/certificate-registry.ts';
import { isObject } from '../pki/browser-storage.ts';

export type ExerciseLab = 'in-page' | 'lab-server';

export interface ExerciseDevice {
  thingName: string;
  certificateId: string;
  certificatePem: string;
  /** Shown once by CreateKeysAndCertificate; kept here so the page can act as the device. */
  privateKeyPem: string;
}

const storageKey = (lab: ExerciseLab) => `handshake.policy.exercise.${lab}`;

function isDevice(value: unknown): value is ExerciseDevice {
  return (
    isObject(value) &&
    ['thingName', 'certificateId', 'certificatePem', 'privateKeyPem'].every(
      (key) => typeof value[key] === 'string',
    )
  );
}

export function savedDevice(lab: ExerciseLab): ExerciseDevice | null {
  try {
    const text = globalThis.localStorage?.getItem(storageKey(lab));
    const value: unknown = text == null ? null : JSON.parse(text);
    return isDevice(value) ? value : null;
  } catch {
    // Corrupt JSON or storage off: no device yet, as on a first visit.
    return null;
  }
}

function saveDevice(lab: ExerciseLab, device: ExerciseDevice | null): void {
  try {
    if (device) globalThis.localStorage?.setItem(storageKey(lab), JSON.stringify(device));
    else globalThis.localStorage?.removeItem(storageKey(lab));
  } catch {
    // Storage off: the device lasts as long as the page, which the widget says nowhere else.
  }
}

/** A thing name the learner can recognise and nobody else in the lab has, e.g. `sensor-k3f9`. */
export function newThingName(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `sensor-${Array.from(bytes, (b) => letters[b % letters.length]).join('')}`;
}

/** Makes the thing, its certificate (ACTIVE) and the link between them. */
export async function createDevice(
  registry: LabRegistry,
  lab: ExerciseLab,
): Promise<ExerciseDevice> {
  const thingName = newThingName();
  const made = await registry.createKeysAndCertificate({
    commonName: thingName,
    algorithm: 'P-256',
    setAsActive: true,
  });
  await registry.createThing({ thingName });
  await registry.attachThingPrincipal(thingName, made.certificate.certificateId);

  const device = {
    thingName,
    certificateId: made.certificate.certificateId,
    certificatePem: made.certificate.pem,
    privateKeyPem: made.privateKeyPem,
  };
  saveDevice(lab, device);
  return device;
}

/** Forgets the device here; the lab keeps its records, as AWS keeps a console's. */
export function forgetDevice(lab: ExerciseLab): void {
  saveDevice(lab, null);
}

/** Null when the lab still knows the device's certificate; else why the device is gone. */
export async function checkDevice(
  registry: LabRegistry,
  device: ExerciseDevice,
): Promise<string | null> {
  try {
    const record = await registry.describeCertificate(device.certificateId);
    return record.status === 'ACTIVE'
      ? null
      : `The device's certificate is ${record.status}, so the broker refuses it before any ` +
          'policy is read. Set it ACTIVE in the certificates lesson, or make a new device.';
  } catch (error) {
    if (error instanceof RegistryError && error.code === 'certificate-not-found') {
      return (
        'This lab no longer has the device made earlier (was the lab reset?). ' +
        'Make a new device.'
      );
    }
    throw error;
  }
}

export const policyNameFor = (device: ExerciseDevice) => `${device.thingName}-policy`;

/** Puts `text` in force for the device's certificate (a new version after the first). */
export function attachExercisePolicy(
  registry: LabRegistry,
  device: ExerciseDevice,
  text: string,
): Promise<PolicyInForce> {
  return putPolicyInForce(registry, policyNameFor(device), text, device.certificateId);
}
