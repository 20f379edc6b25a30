// Fetching a source the admin names by URL (a published CSV or XLSX, a JSON-LD export, a
// Murmurations profile): http(s) only; unless the node allows private addresses (tests,
// ALLOW_PRIVATE_ADDRESSES), never an address inside the operator's network, checked again at
// every redirect (Fedify's SSRF check, the one its document loader uses); one deadline for the
// whole chain; and the node's bounds on every outgoing answer (outgoing/outgoing-limits.ts) cap
// its size, whatever the server announces.
import { validatePublicUrl } from '@fedify/vocab-runtime';
import { sourceRefused } from './import-errors.ts';

export interface FetchedSource {
  url: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface SourceFetchOptions {
  allowPrivateAddresses: boolean;
  /** For everything the fetch does, redirects included. */
  deadlineMs?: number;
  maxRedirects?: number;
  userAgent: string;
}

export async function fetchSource(address: string, options: SourceFetchOptions): Promise<FetchedSource> {
  const signal = AbortSignal.timeout(options.deadlineMs ?? 20_000);
  let url = checkedUrl(address);
  for (let hop = 0; hop <= (options.maxRedirects ?? 3); hop++) {
    if (!options.allowPrivateAddresses) {
      try {
        await validatePublicUrl(url.href);
      } catch {
        throw sourceRefused(
          `${url.host} is not a public address on the internet; the node fetches sources from public web sites only.`,
          'url',
        );
      }
    }
    let response: Response;
    try {
      response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: {
          accept:
            'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/ld+json, application/json;q=0.9, */*;q=0.5',
          'user-agent': options.userAgent,
        },
      });
    } catch (error) {
      throw sourceRefused(
        `${url.href} could not be fetched (${reason(error)}). Check the address, or download the file and upload it.`,
        'url',
      );
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      await response.body?.cancel();
      url = checkedUrl(new URL(response.headers.get('location')!, url).href);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw sourceRefused(`${url.href} answered ${response.status}. Check that the address is public and right.`, 'url');
    }
    try {
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { url: url.href, contentType: response.headers.get('content-type') ?? '', bytes };
    } catch (error) {
      throw sourceRefused(`${url.href} could not be read in full (${reason(error)}). Download the file and upload it instead.`, 'url');
    }
  }
  throw sourceRefused(`${address} redirects too many times; give the final address.`, 'url');
}

function checkedUrl(address: string): URL {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw sourceRefused(`"${address.slice(0, 200)}" is not a web address; give one starting with https://.`, 'url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw sourceRefused(`The node fetches http(s) addresses only, not ${url.protocol.replace(':', '')}.`, 'url');
  if (url.username || url.password) throw sourceRefused('Give the address without a user name or password in it.', 'url');
  return url;
}

function reason(error: unknown): string {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    if (e.name === 'OutgoingLimitError' || e.name === 'TimeoutError') return e.message;
  }
  return error instanceof Error ? error.message : String(error);
}
