// GraphQL over HTTP for the federation bench, with keep-alive connections: the cheapest client,
// so polling the followers costs them little.
import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 4 });
let graphqlRequests = 0;

/** GET requests sent so far (the bench reports how many polls a phase took). */
export const graphqlRequestCount = () => graphqlRequests;

/** Closes the kept-alive connections, so the bench can exit. */
export const closeGraphqlConnections = () => agent.destroy();

export class GraphQLError extends Error {}

/** GET /graphql?query=… as an anonymous reader (what a browser or partner sees; cacheable). */
export function graphqlGet<T>(baseUrl: string, query: string): Promise<T> {
  graphqlRequests++;
  const url = new URL(`/graphql?query=${encodeURIComponent(query)}`, baseUrl);
  return new Promise<T>((resolve, reject) => {
    const req = request(url, { agent, headers: { accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let body: { data?: T; errors?: Array<{ message: string }> };
        try {
          body = JSON.parse(text);
        } catch {
          return reject(new GraphQLError(`${url.host} answered ${res.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`));
        }
        if (res.statusCode !== 200 || body.errors?.length || !body.data) {
          return reject(
            new GraphQLError(
              `${url.host} answered ${res.statusCode}: ${body.errors?.map((e) => e.message).join('; ') ?? text.slice(0, 200)}`,
            ),
          );
        }
        resolve(body.data);
      });
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`GET ${url.host}/graphql did not answer within 10 s`)));
    req.on('error', reject);
    req.end();
  });
}
