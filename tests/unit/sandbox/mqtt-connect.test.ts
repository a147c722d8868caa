/** The two MQTT packets the handshake probe writes and reads, checked against mqtt-packet. */
import mqttPacket from 'mqtt-packet';
import { describe, expect, it } from 'vitest';
import { DISCONNECT, encodeConnect, readConnack } from '../../../src/sandbox/tls/mqtt-connect.ts';

describe('the probe’s MQTT packets', () => {
  it('writes CONNECT as mqtt-packet reads it: MQTT 3.1.1, clean session, the client ID', () => {
    const parser = mqttPacket.parser({ protocolVersion: 4 });
    const packets: mqttPacket.Packet[] = [];
    parser.on('packet', (packet) => packets.push(packet));
    parser.parse(encodeConnect('handshake-probe-0a1b2c3d', 30));

    expect(packets).toEqual([
      expect.objectContaining({
        cmd: 'connect',
        protocolId: 'MQTT',
        protocolVersion: 4,
        clean: true,
        keepalive: 30,
        clientId: 'handshake-probe-0a1b2c3d',
      }),
    ]);
  });

  it('reads the return code of a CONNACK, and nothing from fewer bytes or another packet', () => {
    expect(
      readConnack(mqttPacket.generate({ cmd: 'connack', returnCode: 5, sessionPresent: false })),
    ).toBe(5);
    expect(readConnack(Buffer.from([0x20, 0x02, 0x00]))).toBeUndefined();
    expect(readConnack(DISCONNECT)).toBeUndefined();
  });
});
