// StoreKvStore on the embedded store (always) and on MongoDB (when MONGODB_URL is set).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { EmbeddedStore } from '../../store/embedded/embedded-store.ts';
import { MongoStore } from '../../store/mongodb/mongodb-store.ts';
import { describeKvStoreContract } from './kv-store.contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'umn-kv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeKvStoreContract('the embedded store', async () => EmbeddedStore.open(dir));

const url = process.env.MONGODB_URL;
if (url) describeKvStoreContract('MongoDB', () => MongoStore.connect(url));
