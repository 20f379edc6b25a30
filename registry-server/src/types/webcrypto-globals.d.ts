// Fedify's type declarations use the DOM globals CryptoKeyPair and JsonWebKey, which lib es2024
// and @types/node do not declare; without them ActorKeyPair.privateKey "does not exist".
import type { webcrypto } from 'node:crypto';

declare global {
  interface CryptoKeyPair {
    privateKey: CryptoKey;
    publicKey: CryptoKey;
  }
  interface JsonWebKey extends webcrypto.JsonWebKey {}
}

export {};
