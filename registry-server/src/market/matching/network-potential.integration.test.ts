// The network potential over GraphQL on a seeded Liège node: counts by city, eligibility by
// article, the suggestion with its rule in words; staff only; bad input refused with what to send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredInitiative } from '../../initiatives/initiative-repository.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import { anonymous, createAccount, type Session } from '../../testing/graphql-client.ts';

let node: TestNode;
let moderator: Session;
let editor: Session;
const POTENTIAL = `query($s: [String!], $c: [String!], $a: PotentialAreaInput!, $i: ProcurementIntent) {
  networkPotential(sectors: $s, cpvCodes: $c, area: $a, intent: $i) {
    sectors { code } unmappedCpvCodes scope reachKm capable minBidders intent
    eligible { total article20 article77 nationalOnly }
    byCity { node city(lang: "fr") capable eligible }
    suggestion { code label(lang: "fr") rule(lang: "fr") }
  } }`;
const potential = (session: Session, vars: Record<string, unknown>) => session.gql(POTENTIAL, vars);

beforeAll(async () => {
  node = await startTestNode();
  moderator = await createAccount(node, 'moderator@liege.test', 'moderator');
  editor = await createAccount(node, 'editor@atemos.test', 'editor', ['atemos']);
  await node.registry.store
    .collection<StoredInitiative>('initiatives')
    .updateOne({ _id: 'siriuschool' }, { $set: { 'record.eligibility': [{ basis: 'eu-art77', evidenceDate: '2026-01-10' }] } });
  node.registry.events.emit({ type: 'record.updated', kind: 'initiative', id: 'siriuschool', version: 1, fields: ['eligibility'] });
  await node.registry.declaredFacts.settled();
});
afterAll(() => node?.close());

describe('network potential', () => {
  it('counts the education initiatives around Liège, by city, with the eligible one and its article, and suggests a reserved lot', async () => {
    const answer = await potential(moderator, {
      c: ['80500000-9', '34100000-8'],
      a: { country: 'BE', locality: 'Liège' },
      i: 'RESERVED_CONTRACT',
    });
    expect(answer.errors).toBeUndefined();
    const p = answer.data.networkPotential;
    expect(p).toMatchObject({
      sectors: [{ code: 'AM40' }],
      unmappedCpvCodes: ['34100000-8'],
      scope: 'RADIUS',
      reachKm: 15,
      minBidders: 3,
      intent: 'RESERVED_CONTRACT',
      eligible: { total: 1, article20: 0, article77: 1, nationalOnly: 0 },
      suggestion: { code: 'RESERVE_LOT', label: 'Réserver un lot' },
    });
    expect(p.capable).toBeGreaterThanOrEqual(5);
    expect(p.byCity).toEqual([{ node: 'liege', city: 'Liège', capable: p.capable, eligible: 1 }]);
    expect(p.suggestion.rule).toBe(
      `Initiatives éligibles : 1, moins de 3 ; initiatives qui pourraient répondre en tout : ${p.capable} : réservez un lot et laissez le reste ouvert.`,
    );
  });

  it('suggests widening the area when fewer than three could answer, and counts a whole country it cannot locate', async () => {
    const food = (await potential(moderator, { s: ['AM60'], a: { country: 'BE', locality: 'Liège' } })).data.networkPotential;
    expect(food).toMatchObject({ capable: 1, suggestion: { code: 'WIDEN_AREA' } });
    const unknownPlace = (await potential(moderator, { s: ['AM40'], a: { country: 'BE', locality: 'Nulle-Part' } })).data.networkPotential;
    expect(unknownPlace).toMatchObject({ scope: 'COUNTRY', reachKm: null });
    const elsewhere = (await potential(moderator, { s: ['AM40'], a: { country: 'BE', centre: { lat: 51.05, lon: 3.72 }, radiusKm: 20 } }))
      .data.networkPotential;
    expect(elsewhere).toMatchObject({ capable: 0, byCity: [], suggestion: { code: 'WIDEN_AREA' } });
  });

  it('answers only the node staff', async () => {
    const vars = { s: ['AM40'], a: { country: 'BE' } };
    expect((await potential(anonymous(node), vars)).errors![0]!.extensions?.code).toBe('SIGN_IN_REQUIRED');
    expect((await potential(editor, vars)).errors![0]!.extensions?.code).toBe('NOT_AUTHORIZED');
  });

  it.each([
    [{ a: { country: 'BE' } }, 'sectors', 'at least one sector'],
    [{ s: ['FOOD'], a: { country: 'BE' } }, 'sectors', '"FOOD" is not a sector code'],
    [{ c: ['5552'], a: { country: 'BE' } }, 'cpvCodes', 'eight digits'],
    [{ s: ['AM40'], a: { country: 'be' } }, 'area.country', 'two capital letters'],
    [{ s: ['AM40'], a: { country: 'BE', centre: { lat: 50.6, lon: 5.5 } } }, 'area.radiusKm', 'together'],
    [{ s: ['AM40'], a: { country: 'BE', centre: { lat: 50.6, lon: 5.5 }, radiusKm: 0.2 } }, 'area.radiusKm', 'between 1 and 500'],
    [{ s: ['AM40'], a: { country: 'BE', centre: { lat: 95, lon: 5.5 }, radiusKm: 5 } }, 'area.centre', '±90'],
    [{ s: ['AM40'], a: { country: 'BE', locality: ' ' } }, 'area.locality', 'between 1 and 200'],
    [{ s: Array.from({ length: 21 }, () => 'AM40'), a: { country: 'BE' } }, 'sectors', 'at most 20'],
  ])('refuses %j, saying what to send', async (vars, argument, words) => {
    const answer = await potential(moderator, vars);
    expect(answer.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors![0]!.message).toContain(argument);
    expect(answer.errors![0]!.message).toContain(words);
  });
});
