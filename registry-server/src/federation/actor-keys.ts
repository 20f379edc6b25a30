// Key pairs of the node's actors, kept in the store so they survive restarts and are shared by
// every server process on MongoDB: RSA for HTTP Signatures (first, so it is the #main-key
// Mastodon reads), Ed25519 for Object Integrity Proofs. The collection holds private keys:
// it is never exposed through any API or export.
import { exportJwk, generateCryptoKeyPair, importJwk } from '@fedify/fedify';
import type { Collection, Doc, Store } from '../store/store.ts';
import { DuplicateKeyError } from '../store/store-errors.ts';

type StoredKeys = Doc & {
  rsa: { publicKey: JsonWebKey; privateKey: JsonWebKey };
  ed25519: { publicKey: JsonWebKey; privateKey: JsonWebKey };
  createdAt: string;
};

export class ActorKeys {
  readonly #keys: Collection<StoredKeys>;
  readonly #cache = new Map<string, Promise<CryptoKeyPair[]>>();

  constructor(store: Store) {
    this.#keys = store.collection<StoredKeys>('actorKeys');
  }

  /** The actor's key pairs, generated and stored the first time they are needed. */
  pairs(identifier: string): Promise<CryptoKeyPair[]> {
    let pairs = this.#cache.get(identifier);
    if (!pairs) {
      pairs = this.#load(identifier);
      this.#cache.set(identifier, pairs);
      pairs.catch(() => this.#cache.delete(identifier));
    }
    return pairs;
  }

  async #load(identifier: string): Promise<CryptoKeyPair[]> {
    let stored = await this.#keys.findOne({ _id: identifier });
    if (!stored) {
      // 2048-bit RSA, as Mastodon uses: every initiative is an actor with its own keys, and a
      // 4096-bit key took about half a second of CPU to generate.
      const rsa = (await crypto.subtle.generateKey(
        { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
        true,
        ['sign', 'verify'],
      )) as CryptoKeyPair;
      const ed25519 = await generateCryptoKeyPair('Ed25519');
      const doc: StoredKeys = {
        _id: identifier,
        rsa: { publicKey: await exportJwk(rsa.publicKey), privateKey: await exportJwk(rsa.privateKey) },
        ed25519: { publicKey: await exportJwk(ed25519.publicKey), privateKey: await exportJwk(ed25519.privateKey) },
        createdAt: new Date().toISOString(),
      };
      try {
        await this.#keys.insertOne(doc);
        stored = doc;
      } catch (error) {
        // Another process generated them first: use theirs, so the actor has one key.
        if (!(error instanceof DuplicateKeyError)) throw error;
        stored = (await this.#keys.findOne({ _id: identifier }))!;
      }
    }
    return [
      { publicKey: await importJwk(stored.rsa.publicKey, 'public'), privateKey: await importJwk(stored.rsa.privateKey, 'private') },
      { publicKey: await importJwk(stored.ed25519.publicKey, 'public'), privateKey: await importJwk(stored.ed25519.privateKey, 'private') },
    ];
  }
}
