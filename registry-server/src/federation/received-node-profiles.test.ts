import { describe, expect, it } from 'vitest';
import { cityNodeToJsonLd } from './jsonld/city-node-jsonld.ts';
import { catalog, overTheWire, seeds } from './jsonld/jsonld-test-fixtures.ts';
import { profileFromActor } from './received-node-profiles.ts';

const SENDER = 'https://milano.example/nodes/milan';
const milan = seeds.nodes.find((n) => n.record.handle === 'milan')!.record;

function actor(record: typeof milan, id = SENDER): unknown {
  return overTheWire(cityNodeToJsonLd(record, { id, catalog }));
}

describe("a partner's profile as this node stores it", () => {
  it('keeps what the city says of itself, without the seeds’ status', () => {
    const read = profileFromActor(actor({ ...milan, url: 'https://milano.example/' }), { sender: SENDER, handle: 'milan', catalog });
    expect('record' in read && read.record).toMatchObject({ handle: 'milan', name: milan.name, url: 'https://milano.example/' });
    expect('record' in read && 'status' in read.record).toBe(false);
  });

  it('leaves out a url on another origin, so its page here cannot link elsewhere', () => {
    const read = profileFromActor(actor({ ...milan, url: 'https://phishing.example/milano' }), {
      sender: SENDER,
      handle: 'milan',
      catalog,
    });
    expect('record' in read && read.record.url).toBeUndefined();
  });

  it("refuses a document that is not the sender's own, and an invalid one", () => {
    expect(profileFromActor(actor(milan, 'https://other.example/nodes/milan'), { sender: SENDER, handle: 'milan', catalog })).toMatchObject(
      {
        result: 'refused',
      },
    );
    const tooLong = { ...milan, name: { it: 'x'.repeat(301) } };
    expect(profileFromActor(actor(tooLong), { sender: SENDER, handle: 'milan', catalog })).toMatchObject({ result: 'invalid' });
  });
});
