// A seeded node, with the web site, in a child process whose clock the parent moves: browser tests
// of what happens with time (a market record's expiry) cannot wait for midnight, and the browser
// tests' program cannot import the server's (its DOM types clash with Node's). Started with
// `fork(this file, [handle], { execArgv: [] })`; it sends `{ ready: url }`, then answers each
// request `{ id, do, … }` with `{ id, ok, value }` or `{ id, ok: false, error }`:
// - `follow` { target }: follows a partner node's actor as the node's operator;
// - `approveFollowers`: accepts every pending follow request (how many);
// - `partners`: the node's partners as its admin sees them;
// - `publishMarketRecord` { record }: creates, submits and approves a market record (its IRI);
// - `holdsMarketRecord` { target }: whether the store holds that record (a partner's copy included);
// - `advance` { ms }: moves the clock forward and runs the market expiry sweep;
// - `stop`: closes the node and exits.
import { OPERATOR } from '../federation/partners/partner-service.ts';
import { startNode } from '../main.ts';
import { freePort } from './free-port.ts';
import { testConfig } from './test-node.ts';

let offset = 0;
const handle = process.argv[2] ?? 'liege';
const port = await freePort();
const node = await startNode(testConfig({ port, nodeHandle: handle, publicUrl: new URL(`http://127.0.0.1:${port}`) }), {
  web: true,
  now: () => new Date(Date.now() + offset),
});

type Request = { id: number; do: string; target?: string; record?: Record<string, unknown>; ms?: number };

async function run(request: Request): Promise<unknown> {
  const { partners } = node.federation;
  switch (request.do) {
    case 'follow':
      return partners.follow(OPERATOR, request.target!);
    case 'approveFollowers': {
      let approved = 0;
      for (const partner of await partners.list(OPERATOR)) {
        if (partner.followedBy !== 'pending') continue;
        await partners.decide(OPERATOR, partner.actor, true);
        approved++;
      }
      return approved;
    }
    case 'partners':
      return partners.list(OPERATOR);
    case 'publishMarketRecord': {
      const editorial = node.registry.marketEditorial;
      let doc = await editorial.create(OPERATOR, request.record as never);
      doc = await editorial.submit(OPERATOR, doc._id, doc.version);
      const published = await editorial.approve(OPERATOR, doc._id, doc.version);
      return `${node.url}/market/${published._id}`;
    }
    case 'holdsMarketRecord':
      return (await node.registry.marketRecords.findById(request.target!)) !== null;
    case 'advance':
      offset += request.ms ?? 0;
      return node.registry.marketExpiry.sweep();
    case 'stop':
      await node.close();
      setImmediate(() => process.exit(0));
      return true;
    default:
      throw new Error(`unknown request ${request.do}`);
  }
}

process.on('message', (request: Request) => {
  run(request).then(
    (value) => process.send!({ id: request.id, ok: true, value }),
    (error: unknown) => process.send!({ id: request.id, ok: false, error: (error as Error).message }),
  );
});
process.send!({ ready: node.url });
