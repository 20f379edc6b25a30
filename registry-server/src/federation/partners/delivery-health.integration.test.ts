// Delivery health on a real embedded store: an admin sees a partner's current state, so a
// later successful delivery clears the failures before it, and a failure after it shows again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../store/embedded/embedded-store.ts';
import { DeliveryHealth, deliveryMeterProvider } from './delivery-health.ts';

const dirs: string[] = [];
const stores: EmbeddedStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function health(clock: { now: number }): DeliveryHealth {
  const dir = mkdtempSync(join(tmpdir(), 'umn-health-'));
  dirs.push(dir);
  const store = EmbeddedStore.open(dir);
  stores.push(store);
  return new DeliveryHealth(store, () => clock.now);
}

const failure = (inbox: string) =>
  Object.assign(new Error(`Failed to send activity to ${inbox} (503)`), { inbox: new URL(inbox), statusCode: 503 });
const T0 = Date.parse('2026-12-06T10:00:00Z');

describe('delivery health', () => {
  it('shows failures until a later delivery to the same partner succeeds, then none', async () => {
    const clock = { now: T0 };
    const h = health(clock);
    await h.record(failure('http://milan.example/inbox'));
    clock.now += 60_000;
    await h.record(failure('http://milan.example/inbox'));
    expect(await h.of('milan.example')).toMatchObject({ recentFailures: 2, lastDeliveredAt: null });
    clock.now += 60_000;
    await h.recordSuccess('milan.example');
    expect(await h.of('milan.example')).toEqual({ recentFailures: 0, lastError: null, lastDeliveredAt: new Date(clock.now).toISOString() });
  });

  it('shows a failure that comes after the last success, and keeps partners apart', async () => {
    const clock = { now: T0 };
    const h = health(clock);
    await h.record(failure('http://milan.example/inbox'));
    await h.recordSuccess('athens.example');
    clock.now += 60_000;
    await h.recordSuccess('milan.example');
    clock.now += 60_000;
    await h.record(failure('http://milan.example/inbox'));
    expect(await h.of('milan.example')).toMatchObject({ recentFailures: 1, lastError: expect.stringContaining('503') });
    expect(await h.of('athens.example')).toMatchObject({ recentFailures: 0, lastError: null });
  });

  it("learns of successful deliveries from Fedify's delivery counter, per partner host", async () => {
    const clock = { now: T0 };
    const h = health(clock);
    await h.record(failure('http://milan.example:8080/inbox'));
    clock.now += 60_000;
    const sent = deliveryMeterProvider(h).getMeter('@fedify/fedify').createCounter('activitypub.delivery.sent');
    sent.add(1, { 'activitypub.remote.host': 'athens.example', 'activitypub.delivery.success': true });
    sent.add(1, { 'activitypub.remote.host': 'milan.example:8080', 'activitypub.delivery.success': false });
    await h.settled();
    expect((await h.of('milan.example:8080')).recentFailures).toBe(1);
    sent.add(1, { 'activitypub.remote.host': 'milan.example:8080', 'activitypub.delivery.success': true });
    await h.settled();
    expect(await h.of('milan.example:8080')).toMatchObject({ recentFailures: 0, lastError: null });
  });
});
