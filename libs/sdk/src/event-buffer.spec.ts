import { describe, expect, it } from 'vitest';
import { EventBuffer } from './event-buffer.js';

function bufferOf(capacity: number, ...items: number[]): EventBuffer<number> {
  const buffer = new EventBuffer<number>(capacity);
  for (const item of items) {
    buffer.push(item);
  }
  return buffer;
}

describe(EventBuffer.name, () => {
  it('hands items out oldest first, across the ring’s wrap-around', () => {
    const buffer = bufferOf(3, 1, 2, 3);
    expect(buffer.take(2)).toEqual([1, 2]);
    buffer.push(4);
    buffer.push(5);

    expect(buffer.take(10)).toEqual([3, 4, 5]);
    expect(buffer.size).toBe(0);
  });

  it('evicts and returns the oldest item when full', () => {
    const buffer = bufferOf(3, 1, 2, 3);

    expect(buffer.push(4)).toBe(1);
    expect(buffer.push(5)).toBe(2);
    expect(buffer.take(3)).toEqual([3, 4, 5]);
  });

  it('puts items back at the front in their order, leaving out the oldest of them without room', () => {
    const buffer = bufferOf(4, 10, 11);

    expect(buffer.unshiftAll([1, 2, 3])).toEqual([1]);
    expect(buffer.isFull).toBe(true);
    expect(buffer.peek()).toBe(2);
    expect(buffer.take(4)).toEqual([2, 3, 10, 11]);
  });

  it('clears and says how many it held', () => {
    const buffer = bufferOf(2, 1, 2);

    expect(buffer.clear()).toBe(2);
    expect(buffer.peek()).toBeUndefined();
  });
});
