// What leaves this node in Fedify's delivery messages. Fedify signs every outgoing activity
// three ways: an HTTP Signature per request, an Object Integrity Proof (Ed25519, FEP-8b32) and a
// Linked Data Signature (RsaSignature2017). A receiving Fedify verifies the Linked Data
// Signature first whenever one is present, and that costs a URDNA2015 canonicalisation of the
// activity: measured at about two thirds of the receiving CPU per delivery (issue #4 bench).
// Linked Data Signatures only matter for activities forwarded by a third server (relays, inbox
// forwarding), which this registry never asks for: Mastodon and others authenticate direct
// deliveries by their HTTP Signature, and Fedify peers by the proof. So the signature is taken
// off before a message is queued (see docs/adr/0008-no-linked-data-signatures.md). The proof
// stays valid: Fedify computes it over the activity before adding the Linked Data Signature.

/** Fedify's delivery message types that carry the activity JSON-LD to send. */
const CARRIES_ACTIVITY = new Set(['outbox', 'fanout']);

type Json = Record<string, unknown>;

/** The message without the activity's Linked Data Signature; any other message as it is. */
export function withoutLinkedDataSignature(message: unknown): unknown {
  if (!isObject(message) || !CARRIES_ACTIVITY.has(message.type as string)) return message;
  const activity = message.activity;
  if (!isObject(activity) || !isObject(activity.signature) || activity.signature.type !== 'RsaSignature2017') return message;
  const { signature: _dropped, ...unsigned } = activity;
  return { ...message, activity: unsigned };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
