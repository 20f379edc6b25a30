// Object Integrity Proofs (FEP-8b32, cryptosuite eddsa-jcs-2022) for the activities this node
// builds itself: JSON Canonicalization (RFC 8785) of the document and of the proof options,
// SHA-256 of each, Ed25519 over both digests. This is what Fedify's createProof computes, minus
// the JSON-LD compaction and canonicalisation passes it runs first (about 30 ms of CPU per
// activity, measured): our documents are already compact, with a known context. Verified by
// Fedify's own verifyObject in the tests, so a receiving Fedify node accepts them.
import type { webcrypto } from 'node:crypto';

import { canonicalJson } from '../../json/canonical-json.ts';

type CryptoKey = webcrypto.CryptoKey;

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Multibase base58btc ("z" prefix), the encoding of `proofValue`. */
export function base58btc(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      carry += (digits[i] ?? 0) << 8;
      digits[i] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = Math.floor(carry / 58);
    }
  }
  return `z${'1'.repeat(zeros)}${digits
    .reverse()
    .map((d) => BASE58_ALPHABET[d])
    .join('')}`;
}

export interface ProofKey {
  /** The Ed25519 private key. */
  privateKey: CryptoKey;
  /** The key's id (its Multikey in the actor document); its controller must be the activity's actor. */
  keyId: URL;
}

const encoder = new TextEncoder();
const sha256 = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));

/**
 * The document with a DataIntegrityProof added. `document` must be compact JSON-LD whose
 * `@context` includes the data-integrity context, without a `proof`. `created` is written to the
 * second, so it reads back identically through any ISO 8601 parser.
 */
export async function withProof<T extends Record<string, unknown>>(
  document: T,
  key: ProofKey,
  created = new Date(),
): Promise<T & { proof: Record<string, string> }> {
  const options = {
    '@context': document['@context'],
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    verificationMethod: key.keyId.href,
    proofPurpose: 'assertionMethod',
    created: `${created.toISOString().slice(0, 19)}Z`,
  };
  const [optionsDigest, documentDigest] = await Promise.all([sha256(canonicalJson(options)), sha256(canonicalJson(document))]);
  const signed = new Uint8Array(optionsDigest.length + documentDigest.length);
  signed.set(optionsDigest, 0);
  signed.set(documentDigest, optionsDigest.length);
  const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', key.privateKey, signed));
  const { '@context': _context, ...proof } = options;
  return { ...document, proof: { ...proof, proofValue: base58btc(signature) } };
}
