/**
 * Shared by the IoT registry tests: a registry in memory with a fixed clock, a certificate made
 * in it, policy documents, and a helper that resolves to the RegistryError a call refuses with.
 */
import { expect } from 'vitest';
import { RegistryError } from '../../../src/core/lab/certificate-registry.ts';
import {
  createCertificateRegistry,
  memoryStorage,
  type RegistryChange,
  type RegistryStorage,
} from '../../../src/core/lab/registry/index.ts';

export const clock = () => new Date('2026-03-01T12:00:00.000Z');
export const ARN = 'arn:aws:iot:us-east-1:123456789012';

export function registryOver(storage: RegistryStorage = memoryStorage()) {
  const changes: RegistryChange[] = [];
  const registry = createCertificateRegistry(storage, globalThis.crypto, clock, {
    onChange: (change) => changes.push(change),
  });
  return { registry, changes, storage };
}

/** A policy document allowing `actions` on `resources`, as text. */
export function allow(actions: string | string[], resources: string | string[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: resources }],
  });
}

/** Resolves to the RegistryError a promise rejects with, failing if it resolves. */
export async function refusal(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => new Error('expected a RegistryError, but the call succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  return error as RegistryError;
}
