// The store contract against a real MongoDB. No MongoDB server exists on the project's own
// machines, so this run happens only where MONGODB_URL points at one (a replica set, for the
// multi-document transaction of insertMany), e.g.
//   MONGODB_URL='mongodb://127.0.0.1:27017/umn_contract?replicaSet=rs0' npm test
import { describe, expect, it } from 'vitest';
import { describeStoreContract } from '../store.contract.ts';
import { MongoStore } from './mongodb-store.ts';

const url = process.env.MONGODB_URL;

if (url) {
  describeStoreContract('mongodb (official driver)', () => MongoStore.connect(url));
}

describe('mongodb adapter without a server', () => {
  it('fails with a message that names MONGODB_URL when the server cannot be reached', async () => {
    // Port 1 on loopback: nothing listens there, so the driver gives up after the timeout.
    const attempt = MongoStore.connect('mongodb://user:secret@127.0.0.1:1/umn?directConnection=true', { serverSelectionTimeoutMS: 300 });
    await expect(attempt).rejects.toMatchObject({ code: 'STORE_UNREACHABLE', message: expect.stringMatching(/MONGODB_URL/) });
    await expect(attempt).rejects.not.toMatchObject({ message: expect.stringMatching(/secret/) });
  });
});
