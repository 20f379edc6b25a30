// Per-request batch loaders: anything a list resolver loads per item goes through one of these,
// so a page of 20 initiatives costs one query per relation, not twenty.
import DataLoader from 'dataloader';
import type { Registry } from '../registry.ts';
import type { StoredCityNode } from '../nodes/city-node-repository.ts';
import type { StoredInitiative } from '../initiatives/initiative-repository.ts';
import type { StoredGoodPractice } from '../practices/good-practice-repository.ts';
import type { StoredListingRequest } from '../listing-requests/listing-requests.ts';

export interface Loaders {
  cityNode: DataLoader<string, StoredCityNode | null>;
  /** Published initiatives by "node/handle". */
  initiative: DataLoader<string, StoredInitiative | null>;
  /** Published practices by "node/handle". */
  practice: DataLoader<string, StoredGoodPractice | null>;
  /** Published practices that name an initiative ("node/handle") among their initiatives. */
  practicesNaming: DataLoader<string, StoredGoodPractice[]>;
  /** Published initiatives that are part of an initiative ("node/handle"). */
  parts: DataLoader<string, StoredInitiative[]>;
  initiativeCount: DataLoader<string, number>;
  practiceCount: DataLoader<string, number>;
  /** The public form's request behind a local initiative (its handle); ask only once the actor may read it (moderators). */
  listingRequest: DataLoader<string, StoredListingRequest | null>;
  /** Handles of the cities that federate with this node (their status), asked once per request. */
  onlineNodes: () => Promise<Map<string, string | null>>;
}

const ref = (node: string, handle: string) => `${node}/${handle}`;
const split = (key: string) => {
  const at = key.indexOf('/');
  return { node: key.slice(0, at), handle: key.slice(at + 1) };
};

export function createLoaders(
  registry: Pick<Registry, 'nodes' | 'initiatives' | 'practices' | 'nodePresence' | 'listingRequests'>,
): Loaders {
  let online: Promise<Map<string, string | null>> | undefined;
  return {
    onlineNodes: () => (online ??= registry.nodePresence.onlineHandles()),
    cityNode: new DataLoader(async (handles) => {
      const docs = await registry.nodes.findPublishedByIds(handles);
      return handles.map((h) => docs.find((d) => d._id === h) ?? null);
    }),
    initiative: new DataLoader(async (keys) => {
      const docs = await registry.initiatives.findPublishedOfNodes(keys);
      return keys.map((k) => docs.find((d) => d.derived.nodeHandle === k) ?? null);
    }),
    practice: new DataLoader(async (keys) => {
      const wanted = keys.map(split);
      const docs = await registry.practices.findPublishedByNodeAndHandle(wanted);
      return keys.map((k) => docs.find((d) => ref(d.record.node, d.record.handle) === k) ?? null);
    }),
    practicesNaming: new DataLoader(async (keys) => {
      const wanted = keys.map(split);
      const docs = await registry.practices.findPublishedNaming('initiatives', wanted);
      return wanted.map(({ node, handle }) => docs.filter((d) => d.record.node === node && (d.record.initiatives ?? []).includes(handle)));
    }),
    parts: new DataLoader(async (keys) => {
      const wanted = keys.map(split);
      const docs = await registry.initiatives.findPublishedNaming('partOf', wanted);
      return wanted.map(({ node, handle }) => docs.filter((d) => d.record.node === node && d.record.partOf === handle));
    }),
    initiativeCount: new DataLoader(async (nodes) => {
      const counts = await registry.initiatives.countPublishedByNode(nodes);
      return nodes.map((n) => counts.get(n) ?? 0);
    }),
    practiceCount: new DataLoader(async (nodes) => {
      const counts = await registry.practices.countPublishedByNode(nodes);
      return nodes.map((n) => counts.get(n) ?? 0);
    }),
    listingRequest: new DataLoader(async (handles) => {
      const requests = await registry.listingRequests.requestsOf(handles);
      return handles.map((h) => requests.find((r) => r._id === h) ?? null);
    }),
  };
}

export { ref as nodeRef };
