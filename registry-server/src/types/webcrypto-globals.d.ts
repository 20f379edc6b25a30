// Fedify's type declarations use the DOM globals CryptoKeyPair and JsonWebKey, which lib es2024
// and @types/node do not declare; without them ActorKeyPair.privateKey "does not exist".
import type { webcrypto } from 'node:crypto';

declare global {
  interface CryptoKeyPair {
    privateKey: CryptoKey;
    publicKey: CryptoKey;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: the global JsonWebKey is node:crypto's
  interface JsonWebKey extends webcrypto.JsonWebKey {}
}

export {};
