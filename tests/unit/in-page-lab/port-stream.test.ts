import { Buffer } from 'buffer';
import type { Duplex } from 'readable-stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../../src/core/lab/lab-event.ts';
import { portStream, sendEvent } from '../../../src/browser/in-page-lab/port-stream.ts';

const EVENT: LabEvent = {
  time: '2026-01-01T00:00:00.000Z',
  clientId: 'device',
  transport: 'in-page',
  type: 'disconnect',
  reason: 'test',
};

function collect(stream: Duplex): Buffer[] {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return chunks;
}

function closed(stream: Duplex): Promise<void> {
  return new Promise((resolve) => stream.once('close', () => resolve()));
}

describe('a MessagePort as a byte stream', () => {
  const ports: MessagePort[] = [];
  const pair = () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    return { port1, port2 };
  };

  afterEach(() => {
    ports.splice(0).forEach((port) => port.close());
  });

  it('carries bytes both ways, in order, as Buffers', async () => {
    const { port1, port2 } = pair();
    const page = portStream(port1);
    const worker = portStream(port2);
    const atWorker = collect(worker);
    const atPage = collect(page);

    page.write(Buffer.from([0x10, 0x00]));
    page.write(Buffer.from([0xff]));
    worker.write(Buffer.from('CONNACK'));

    await expect.poll(() => Buffer.concat(atWorker)).toEqual(Buffer.from([0x10, 0x00, 0xff]));
    await expect.poll(() => Buffer.concat(atPage).toString()).toBe('CONNACK');
    expect(Buffer.isBuffer(atWorker[0])).toBe(true);
  });

  it('copies what it sends, so a Buffer that shares its memory stays usable', async () => {
    const { port1, port2 } = pair();
    const pool = Buffer.from('0123456789');
    const atWorker = collect(portStream(port2));

    portStream(port1).write(pool.subarray(2, 5));

    await expect.poll(() => Buffer.concat(atWorker).toString()).toBe('234');
    expect(pool.toString()).toBe('0123456789');
  });

  it('closes both ends when one side ends, like a socket whose peer hung up', async () => {
    const { port1, port2 } = pair();
    const page = portStream(port1);
    const worker = portStream(port2);
    collect(page);
    collect(worker);

    page.end();

    await Promise.all([closed(page), closed(worker)]);
  });

  it('closes the other end when one is destroyed, as aedes does to a refused client', async () => {
    const { port1, port2 } = pair();
    const page = portStream(port1);
    collect(page);
    const worker = portStream(port2);

    worker.destroy();

    await closed(page);
  });

  it('hands lab events to the listener, before the end that follows them', async () => {
    const { port1, port2 } = pair();
    const seen: string[] = [];
    const page = portStream(port1, (event) => seen.push(`event ${event.type}`));
    collect(page);
    page.on('end', () => seen.push('end'));
    const worker = portStream(port2);

    sendEvent(port2, EVENT);
    worker.destroy();

    await closed(page);
    expect(seen).toEqual(['event disconnect', 'end']);
  });
});
