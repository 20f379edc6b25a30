import { describe, expect, it, vi } from 'vitest';
import { SubmitOnce } from './submit-once.svelte.ts';

type Input = Parameters<SubmitOnce['enhance']>[0];
type After = (opts: { update: (options?: object) => Promise<void> }) => Promise<void>;

const input = (cancel: () => void) => ({ cancel }) as unknown as Input;

describe('SubmitOnce', () => {
  it('sends once while the first post is on its way, then updates with its options and can send again', async () => {
    const sending = new SubmitOnce({ reset: true, invalidateAll: false });
    const firstCancel = vi.fn();
    const after = (await sending.enhance(input(firstCancel))) as unknown as After;
    expect(firstCancel).not.toHaveBeenCalled();
    expect(sending.submitting).toBe(true);

    const secondCancel = vi.fn();
    expect(await sending.enhance(input(secondCancel))).toBeUndefined();
    expect(secondCancel).toHaveBeenCalledOnce();

    const update = vi.fn(async () => {});
    await after({ update });
    expect(update).toHaveBeenCalledWith({ reset: true, invalidateAll: false });
    expect(sending.submitting).toBe(false);

    const thirdCancel = vi.fn();
    await sending.enhance(input(thirdCancel));
    expect(thirdCancel).not.toHaveBeenCalled();
  });

  it('keeps each form its own state', async () => {
    const one = new SubmitOnce({});
    const other = new SubmitOnce({});
    await one.enhance(input(vi.fn()));
    expect(one.submitting).toBe(true);
    expect(other.submitting).toBe(false);
  });
});
