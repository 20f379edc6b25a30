import { describe, expect, it } from 'vitest';
import { privateCacheControl } from './cache-control.ts';

describe('privateCacheControl', () => {
  it('turns a public response into a private one, keeping its lifetime', () => {
    expect(privateCacheControl('public, max-age=60')).toBe('private, max-age=60');
    expect(privateCacheControl('max-age=60, s-maxage=300')).toBe('private, max-age=60');
  });

  it('leaves responses that no shared cache keeps as they are', () => {
    expect(privateCacheControl('private, no-store')).toBe('private, no-store');
    expect(privateCacheControl('no-store')).toBe('no-store');
  });
});
