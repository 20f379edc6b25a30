// The embedded store with a resident plan (resident-plan.ts): only the planned fields stay in
// memory, the rest is read back from the file. Readers must never notice: whole documents after
// a restart, after updates of fields outside the plan, and beyond the cache of parsed documents.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedStore } from './embedded-store.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const residentFields = (collection: string) => (collection === 'listings' ? ['city', 'derived'] : null);
const open = (dir: string) => EmbeddedStore.open(dir, { residentFields });

const listing = (i: number) => ({
  _id: `l${String(i).padStart(5, '0')}`,
  city: i % 2 === 0 ? 'Liège' : 'Milano',
  derived: { sortName: `name ${i}` },
  text: { fr: `Une longue description numéro ${i} `.repeat(20), el: `Περιγραφή ${i}` },
  tags: [`t${i % 7}`],
});

describe('embedded store keeping only some fields in memory', () => {
  it('returns whole documents, before and after a restart, beyond the cache of parsed documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'umn-resident-'));
    dirs.push(dir);
    const docs = Array.from({ length: 2_600 }, (_, i) => listing(i));
    let store = open(dir);
    await store.collection('listings').insertMany(docs);
    await store.close();

    store = open(dir);
    const listings = store.collection<ReturnType<typeof listing>>('listings');
    const all = await listings.find({}, { sort: { _id: 1 } });
    expect(all).toEqual(docs);
    expect(await listings.countDocuments({ city: 'Liège' })).toBe(1_300);
    // Sorted on a resident field, limited: whole documents come back.
    expect(await listings.find({ city: 'Milano' }, { sort: { 'derived.sortName': -1 }, limit: 2 })).toEqual([docs[999], docs[997]]);
    // A filter and a sort outside the plan are answered from whole documents.
    expect((await listings.find({ tags: 't3', 'text.el': 'Περιγραφή 3' })).map((d) => d._id)).toEqual(['l00003']);
    expect((await listings.find({ city: 'Liège' }, { sort: { 'text.el': 1 }, limit: 1 }))[0]!._id).toBe('l00000');
    // A projection of resident fields only, and one that is not.
    expect(await listings.find({ _id: 'l00004' }, { projection: { city: 1 } })).toEqual([{ _id: 'l00004', city: 'Liège' }]);
    expect(await listings.find({ _id: 'l00004' }, { projection: { 'text.el': 1, _id: 0 } })).toEqual([{ text: { el: 'Περιγραφή 4' } }]);
    await store.close();
  });

  it('keeps updates of fields outside the plan, and indexes fields the plan did not list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'umn-resident-'));
    dirs.push(dir);
    let store = open(dir);
    let listings = store.collection<ReturnType<typeof listing>>('listings');
    await listings.insertMany([listing(1), listing(2), listing(3)]);
    const updated = await listings.findOneAndUpdate({ _id: 'l00002' }, { $set: { 'text.el': 'νέο κείμενο' } });
    expect(updated?.text).toEqual({ fr: listing(2).text.fr, el: 'νέο κείμενο' });
    await listings.updateMany({ city: 'Milano' }, { $push: { tags: 'extra' } });
    // An index on a field outside the plan: it becomes resident, and unique means unique.
    await listings.createIndex({ 'text.el': 1 }, { unique: true });
    await expect(listings.updateOne({ _id: 'l00001' }, { $set: { 'text.el': 'νέο κείμενο' } })).rejects.toThrow(/already has/);
    await store.close();

    store = open(dir);
    listings = store.collection('listings');
    expect((await listings.findOne({ 'text.el': 'νέο κείμενο' }))?._id).toBe('l00002');
    expect((await listings.findOne({ _id: 'l00001' }))?.tags).toEqual(['t1', 'extra']);
    expect((await listings.findOne({ _id: 'l00001' }))?.text.el).toBe('Περιγραφή 1');
    expect(await listings.deleteMany({ city: 'Milano' })).toBe(2);
    expect((await listings.find({})).map((d) => d._id)).toEqual(['l00002']);
    await store.close();
  });

  it('answers every read after a write with the written document, though it keeps recent whole documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'umn-resident-'));
    dirs.push(dir);
    const store = open(dir);
    const listings = store.collection<ReturnType<typeof listing>>('listings');
    await listings.insertMany([listing(1), listing(2), listing(3), listing(4)]);
    const text = async (id: string) => (await listings.findOne({ _id: id }))?.text.el;
    const page = async () => (await listings.find({}, { sort: { 'derived.sortName': 1 }, limit: 4 })).map((d) => d.text.el);
    // Read each whole document (and a page of them) so that the store keeps them, then write it
    // by every path a write can take: no read may answer what was there before.
    const writes: Array<[string, () => Promise<unknown>, string | undefined]> = [
      ['l00001', () => listings.updateOne({ _id: 'l00001' }, { $set: { 'text.el': 'updateOne' } }), 'updateOne'],
      ['l00002', () => listings.updateMany({ city: 'Liège' }, { $set: { 'text.el': 'updateMany' } }), 'updateMany'],
      ['l00003', () => listings.findOneAndUpdate({ _id: 'l00003' }, { $set: { 'text.el': 'findOneAndUpdate' } }), 'findOneAndUpdate'],
      ['l00004', () => listings.replaceOne({ _id: 'l00004' }, { ...listing(4), text: { fr: 'x', el: 'replaceOne' } }), 'replaceOne'],
    ];
    for (const [id, write, expected] of writes) {
      await text(id);
      await page();
      await write();
      expect(await text(id)).toBe(expected);
      expect(await page()).toContain(expected);
    }
    await text('l00001');
    await listings.deleteOne({ _id: 'l00001' });
    expect(await listings.findOne({ _id: 'l00001' })).toBeNull();
    await listings.insertOne(listing(1));
    expect(await text('l00001')).toBe('Περιγραφή 1');
    // Documents readers share are frozen: a reader cannot change what the next one reads.
    const shared = (await listings.findOne({ _id: 'l00001' }))!;
    expect(() => {
      shared.text.el = 'changed by a reader';
    }).toThrow(TypeError);
    expect(await text('l00001')).toBe('Περιγραφή 1');
    await store.close();
  });
});
