import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysFrom,
  fromClockValue,
  relativeWords,
  toClockValue,
} from '../../../src/widgets/pki/chain-clock.ts';

describe('the chain checker clock', () => {
  it('reads the datetime-local box as UTC, with or without seconds', () => {
    expect(fromClockValue('2030-01-31T12:00:05')?.toISOString()).toBe('2030-01-31T12:00:05.000Z');
    expect(fromClockValue('2030-01-31T12:00')?.toISOString()).toBe('2030-01-31T12:00:00.000Z');
    expect(toClockValue(new Date('2030-01-31T12:00:05.678Z'))).toBe('2030-01-31T12:00:05');
  });

  it('refuses what is not a full date and time', () => {
    expect(fromClockValue('2030-01-31')).toBeNull();
    expect(fromClockValue('2030-13-45T99:00')).toBeNull();
    expect(fromClockValue('')).toBeNull();
  });

  it('counts whole days for the slider and says them in words', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    expect(daysFrom(now, addDays(now, 400))).toBe(400);
    expect(daysFrom(now, new Date('2029-12-31T01:00:00Z'))).toBe(0);
    expect(relativeWords(400)).toBe('in 400 days');
    expect(relativeWords(-1)).toBe('1 day ago');
    expect(relativeWords(0)).toBe('today');
  });
});
