// How long the asker's address is kept (ADR 0029), on a registry with a clock the test moves:
// an undecided request forgets it after 60 days, an approved one when its invitation expires
// unused. (Used invitations and declined requests forget it at once: listing-requests.integration.test.ts.)
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/actor.ts';
import { INVITATION_DAYS } from '../accounts/invitation-service.ts';
import { createRegistry, type Registry } from '../registry.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { testConfig } from '../testing/test-node.ts';
import { issueFormToken } from './form-token.ts';
import { ListingRequestRepository } from './listing-request-repository.ts';
import { UNDECIDED_DAYS } from './listing-requests.ts';

const DAY = 86_400_000;
let time = Date.parse('2026-03-01T09:00:00Z');
const config = testConfig();
let store: Store;
let registry: Registry;
let requests: ListingRequestRepository;
let moderator: Actor;

beforeAll(async () => {
  store = await openStore(config);
  registry = await createRegistry(config, store, { now: () => new Date(time) });
  requests = new ListingRequestRepository(store);
  const account = await registry.accountService.createAccount({
    email: 'moderator@liege.test',
    password: 'a long test password 1',
    role: 'moderator',
    initiatives: [],
    createdBy: null,
  });
  moderator = { kind: 'account', accountId: account._id, role: 'moderator', initiatives: [], sessionId: 'test', via: 'cli' };
});
afterAll(async () => {
  await store?.close();
  rmSync(config.dataDir, { recursive: true, force: true });
});

let count = 0;
async function ask(): Promise<string> {
  const token = issueFormToken(await requests.formKey(), new Date(time - 60_000));
  const { initiative } = await registry.listingRequests.submit(
    {
      name: `Atelier ${++count}`,
      summary: 'Un atelier de réparation de vélos tenu par des personnes arrivées récemment.',
      language: 'fr',
      city: 'Liège',
      country: 'BE',
      sector: 'AM120',
      askerEmail: `asker${count}@private-person.test`,
      consentToList: true,
      formToken: token,
    },
    `192.0.2.${count}`,
  );
  return initiative;
}
const addressOf = async (id: string) => (await requests.findById(id))?.askerEmail;

describe("the asker's address", () => {
  it(`is forgotten ${UNDECIDED_DAYS} days after an undecided request, not before`, async () => {
    const id = await ask();
    time += (UNDECIDED_DAYS - 1) * DAY;
    await registry.listingRequests.forgetDue();
    expect(await addressOf(id)).toBe('asker1@private-person.test');
    time += 2 * DAY;
    expect(await registry.listingRequests.forgetDue()).toBeGreaterThan(0);
    expect(await addressOf(id)).toBeUndefined();
    expect(await requests.findById(id)).toMatchObject({ status: 'waiting', consentToListAt: expect.any(String) });
  });

  it('is forgotten when the invitation of an approved request expires unused', async () => {
    const id = await ask();
    const draft = await registry.initiatives.findById(id);
    const { invitation } = await registry.listingRequests.approve(moderator, id, draft!.version);
    expect(Date.parse(invitation.expiresAt)).toBe(time + INVITATION_DAYS * DAY);
    time += (INVITATION_DAYS - 1) * DAY;
    await registry.listingRequests.forgetDue();
    expect(await addressOf(id)).toBe('asker2@private-person.test');
    time += 2 * DAY;
    await registry.listingRequests.forgetDue();
    expect(await addressOf(id)).toBeUndefined();
  });
});
