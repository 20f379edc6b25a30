// Test fixture run as a child process by the durability test: writes documents as fast as it
// can and prints each id only after the store acknowledged the write. The test kills it with
// SIGKILL mid-stream and checks that every printed id survived. With a third argument `relaxed`,
// the updates use the relaxed durability class (no fsync), which must survive SIGKILL as well.
import { EmbeddedStore } from './embedded-store.ts';

const store = EmbeddedStore.open(process.argv[2]!);
const listings = store.collection('listings');
const durability = process.argv[3] === 'relaxed' ? 'relaxed' : 'full';
await listings.createIndex({ n: 1 }, { unique: true });
for (let n = 0; n < 1_000_000; n++) {
  await listings.insertOne({ _id: `doc-${n}`, n, body: 'x'.repeat(200) });
  if (n % 3 === 0) await listings.updateOne({ _id: `doc-${n}` }, { $set: { updated: true } }, { durability });
  process.stdout.write(`${n}\n`);
}
