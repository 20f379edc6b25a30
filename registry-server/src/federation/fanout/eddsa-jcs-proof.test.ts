import { describe, expect, it } from 'vitest';
import { generateCryptoKeyPair, verifyObject } from '@fedify/fedify';
import { Multikey, Update } from '@fedify/vocab';
import type { webcrypto } from 'node:crypto';
import { base58btc, withProof } from './eddsa-jcs-proof.ts';
import { canonicalJson } from '../../json/canonical-json.ts';

type CryptoKey = webcrypto.CryptoKey;

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units at every level and drops undefined members', () => {
    expect(canonicalJson({ b: [1, { z: true, a: null }], a: 'é', ä: 1, A: undefined })).toBe('{"a":"é","b":[1,{"a":null,"z":true}],"ä":1}');
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
  });
});

describe('base58btc', () => {
  it('encodes the reference vector and keeps leading zero bytes', () => {
    expect(base58btc(new TextEncoder().encode('Hello World!'))).toBe('z2NEpo7TZRRrLZSi2U');
    expect(base58btc(new Uint8Array([0, 0, 1]))).toBe('z112');
  });
});

describe('withProof', () => {
  const actor = new URL('https://liege.example/initiatives/_node');
  const keyId = new URL(`${actor.href}#key-2`);
  const activity = {
    '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/data-integrity/v1'],
    id: 'https://liege.example/ap/activities/initiative/univerbal/v3/updated',
    type: 'Update',
    actor: actor.href,
    object: 'https://liege.example/initiatives/univerbal',
    to: 'https://www.w3.org/ns/activitystreams#Public',
    cc: 'https://liege.example/ap/actors/_node/followers',
  };

  async function verifierFor(publicKey: CryptoKey) {
    const keyDocument = await new Multikey({ id: keyId, controller: actor, publicKey }).toJsonLd();
    return {
      documentLoader: async (url: string) => {
        if (url !== keyId.href) throw new Error(`unexpected fetch of ${url}`);
        return { contextUrl: null, documentUrl: url, document: keyDocument };
      },
    };
  }

  it('makes a proof that Fedify verifies', async () => {
    const { privateKey, publicKey } = await generateCryptoKeyPair('Ed25519');
    const signed = await withProof(activity, { privateKey, keyId }, new Date('2026-11-22T10:11:12.345Z'));
    expect(signed.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-jcs-2022',
      created: '2026-11-22T10:11:12Z',
      verificationMethod: keyId.href,
    });
    const verified = await verifyObject(Update, signed, await verifierFor(publicKey));
    expect(verified?.id?.href).toBe(activity.id);
  });

  it('fails verification when the document is changed after signing, or signed by another key', async () => {
    const { privateKey, publicKey } = await generateCryptoKeyPair('Ed25519');
    const signed = await withProof(activity, { privateKey, keyId });
    expect(
      await verifyObject(Update, { ...signed, object: 'https://liege.example/initiatives/other' }, await verifierFor(publicKey)),
    ).toBeNull();
    const other = await generateCryptoKeyPair('Ed25519');
    expect(await verifyObject(Update, signed, await verifierFor(other.publicKey))).toBeNull();
  });
});
