// The body of a POST to an inbox, read and checked before Fedify (and its JSON-LD processor) sees
// it: announced with a Content-Length within the size limit, not compressed, typed as JSON,
// arriving in full within a few seconds, valid UTF-8, and of a tame shape (json-inspection.ts).
// Whatever fails is answered with a 4xx and a sentence saying what to fix, signed or not: the
// signature is checked later, on the same bytes.
import type { Request as ExpressRequest } from 'express';
import { jsonShapeProblem } from '../json/json-inspection.ts';

/** Largest activity accepted in an inbox; real ones are a few kilobytes. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

/** Time for the whole body to arrive once the headers have: a sender that promises more bytes than it sends is cut off. */
export const BODY_DEADLINE_MS = 5_000;

const JSON_TYPES = /^\s*application\/(activity\+json|ld\+json|json)\s*(;|$)/i;

export type ActivityBody = { ok: true; bytes: Buffer } | { ok: false; status: number; error: string };

const refuse = (status: number, error: string): ActivityBody => ({ ok: false, status, error });

export async function readActivityBody(req: ExpressRequest, deadlineMs = BODY_DEADLINE_MS): Promise<ActivityBody> {
  const length = Number(req.headers['content-length']);
  if (!Number.isFinite(length)) return refuse(411, 'Send a Content-Length with the activity.');
  if (length > MAX_ACTIVITY_BYTES) return refuse(413, `Activities are limited to ${MAX_ACTIVITY_BYTES / 1024} KB.`);
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity')
    return refuse(415, `Send the activity uncompressed: Content-Encoding "${encoding}" is not accepted.`);
  if (!JSON_TYPES.test(req.headers['content-type'] ?? ''))
    return refuse(415, 'Send the activity with Content-Type application/activity+json (or application/ld+json).');
  const bytes = await receive(req, deadlineMs);
  if (bytes === 'too-large') return refuse(413, `Activities are limited to ${MAX_ACTIVITY_BYTES / 1024} KB.`);
  if (bytes === null)
    return refuse(
      408,
      `The body did not arrive in full within ${deadlineMs / 1000} s of the headers; send all the bytes the Content-Length announces.`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(400, 'The activity is not valid UTF-8.');
  }
  const problem = jsonShapeProblem(text);
  if (problem) return refuse(400, problem);
  try {
    JSON.parse(text);
  } catch (error) {
    return refuse(400, `The activity is not valid JSON: ${(error as Error).message}`);
  }
  return { ok: true, bytes };
}

/** The whole body; null when it has not arrived in full by the deadline (or the client went away). */
function receive(req: ExpressRequest, deadlineMs: number): Promise<Buffer | null | 'too-large'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (value: Buffer | null | 'too-large') => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      // Node's parser passes no more than the Content-Length, which was checked, unless the body
      // is chunked (Transfer-Encoding wins over Content-Length): then this cap holds.
      if (size > MAX_ACTIVITY_BYTES) return finish('too-large');
      chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks));
    const onError = () => finish(null);
    const timer = setTimeout(() => finish(null), deadlineMs);
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
  });
}
