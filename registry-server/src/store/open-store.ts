// Chooses the adapter: MongoDB when MONGODB_URL is set, else the embedded file under DATA_DIR.
import type { Config } from '../config/config.ts';
import { EmbeddedStore } from './embedded/embedded-store.ts';
import { MongoStore } from './mongodb/mongodb-store.ts';
import type { Store } from './store.ts';

export async function openStore(config: Pick<Config, 'dataDir' | 'mongodbUrl'>): Promise<Store> {
  if (config.mongodbUrl) return MongoStore.connect(config.mongodbUrl);
  return EmbeddedStore.open(config.dataDir);
}
