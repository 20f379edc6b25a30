// Chooses the adapter: MongoDB when MONGODB_URL is set, else the embedded file under DATA_DIR.
import type { Config } from '../config/config.ts';
import { EmbeddedStore } from './embedded/embedded-store.ts';
import type { Store } from './store.ts';

export async function openStore(config: Pick<Config, 'dataDir' | 'mongodbUrl'>): Promise<Store> {
  if (config.mongodbUrl) return (await mongoStoreModule()).MongoStore.connect(config.mongodbUrl);
  return EmbeddedStore.open(config.dataDir);
}

/**
 * The MongoDB adapter, loaded only by a node that uses it: the driver's code is some 30 MB of a
 * process's memory, which a node storing in its own file would carry for nothing (issue 13).
 */
export const mongoStoreModule = () => import('./mongodb/mongodb-store.ts');
