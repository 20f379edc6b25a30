// Test fixture run as a child process by store-message-queue.integration.test.ts: listens on the
// queue of an embedded store and prints "start <n>" / "done <n>" around each handler, so the test
// can SIGKILL it in the middle of a handler and check what a restarted listener delivers.
import { setTimeout as sleep } from 'node:timers/promises';
import { EmbeddedStore } from '../../store/embedded/embedded-store.ts';
import { StoreMessageQueue } from './store-message-queue.ts';

const store = EmbeddedStore.open(process.argv[2]!);
const queue = new StoreMessageQueue(store, { leaseMs: Number(process.argv[3]) });
await queue.listen(async (message) => {
  const { n } = message as { n: number };
  process.stdout.write(`start ${n}\n`);
  await sleep(20);
  process.stdout.write(`done ${n}\n`);
});
