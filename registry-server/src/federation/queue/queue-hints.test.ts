import { describe, expect, it } from 'vitest';
import { QueueHints } from './queue-hints.ts';

const hint = (id: string, runAt: number, seq = 0) => ({ id, runAt, seq });

describe('QueueHints', () => {
  it('lists due hints earliest first, and available() leaves out the reserved ones', () => {
    const hints = new QueueHints();
    hints.add(hint('b', 2));
    hints.add(hint('a', 1));
    hints.add(hint('later', 50));
    expect(hints.due(10, 10).map((h) => h.id)).toEqual(['a', 'b']);
    expect(hints.reserve('a')).toBe(true);
    expect(hints.reserve('a')).toBe(false);
    expect(hints.available(10, 10).map((h) => h.id)).toEqual(['b']);
    // due() still counts it: the listener loop refills from the store only when nothing is due.
    expect(hints.due(10, 10).map((h) => h.id)).toEqual(['a', 'b']);
  });

  it('ends a reservation on release() and on remove()', () => {
    const hints = new QueueHints();
    hints.add(hint('a', 1));
    hints.add(hint('b', 1, 1));
    hints.reserve('a');
    hints.reserve('b');
    hints.release('a');
    expect(hints.available(10, 10).map((h) => h.id)).toEqual(['a']);
    hints.remove('b');
    hints.add(hint('b', 1, 1));
    expect(hints.available(10, 10).map((h) => h.id)).toEqual(['a', 'b']);
  });
});
