import { describe, expect, it } from 'vitest';
import { withoutLinkedDataSignature } from './outgoing-activity-policy.ts';

const signature = { type: 'RsaSignature2017', creator: 'https://a.example/nodes/a#main-key', signatureValue: 'abc' };
const proof = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', proofValue: 'z1' };

describe('withoutLinkedDataSignature', () => {
  it('takes the Linked Data Signature off outgoing and fan-out messages and keeps the proof', () => {
    for (const type of ['outbox', 'fanout']) {
      const message = {
        type,
        inbox: 'https://b.example/ap/inbox',
        activity: { id: 'https://a.example/1', type: 'Update', proof, signature },
      };
      expect(withoutLinkedDataSignature(message)).toEqual({
        type,
        inbox: 'https://b.example/ap/inbox',
        activity: { id: 'https://a.example/1', type: 'Update', proof },
      });
    }
  });

  it('leaves other messages, and other kinds of signature, as they are', () => {
    const inbox = { type: 'inbox', activity: { signature } };
    expect(withoutLinkedDataSignature(inbox)).toBe(inbox);
    const other = { type: 'outbox', activity: { signature: { type: 'SomethingElse' } } };
    expect(withoutLinkedDataSignature(other)).toBe(other);
    expect(withoutLinkedDataSignature('text')).toBe('text');
  });
});
