// Counting what goes through a node of the federation bench, in the process that runs it:
// fan-outs and outgoing deliveries by wrapping its Fedify queue's enqueueMany, received activities
// (handled inside the request, without a queue: ADR 0008) by wrapping its Federation's fetch and
// counting the inbox POSTs it accepted. No product code is changed.
import type { TestNode } from '../src/testing/test-node.ts';

export interface QueueCounts {
  fanout: number;
  outbox: number;
  outboxRetries: number;
  inbox: number;
}

export function countQueue(node: TestNode): QueueCounts {
  const counts: QueueCounts = { fanout: 0, outbox: 0, outboxRetries: 0, inbox: 0 };
  const queue = node.federation.queue;
  const original = queue.enqueueMany.bind(queue);
  queue.enqueueMany = async (messages, options) => {
    for (const m of messages as Array<{ type?: string; attempt?: number }>) {
      if (m.type === 'fanout') counts.fanout++;
      else if (m.type === 'outbox') {
        if ((m.attempt ?? 0) > 0) counts.outboxRetries++;
        else counts.outbox++;
      } else if (m.type === 'inbox') counts.inbox++;
    }
    return original(messages, options);
  };
  const federation = node.federation.federation;
  const fetch = federation.fetch.bind(federation);
  federation.fetch = async (request, options) => {
    const response = await fetch(request, options);
    if (request.method === 'POST' && response.status >= 200 && response.status < 300 && new URL(request.url).pathname.endsWith('/inbox'))
      counts.inbox++;
    return response;
  };
  return counts;
}

/** Messages in a node's Fedify queue, including the ones a handler is working on. */
export const queueSize = (node: TestNode) => node.registry.store.collection('fedifyQueue').countDocuments({});
