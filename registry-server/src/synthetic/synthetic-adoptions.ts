// A small, clearly labelled synthetic demo set of adoption records (issue 16 point 6), for tests
// and screenshots: the seed documents describe Liège's practices, not transfers that happened,
// so no adoption is ever seeded. Each record here says "[synthetic]" in its title, cites a source
// that says it is not real, and comes from a node on *.synthetic.invalid (a name no one can own).
// The set covers the four stages, several cities and languages, and outcomes with units and dates.
import type { AdoptionRecord, AdoptionStage } from '../adoptions/adoption-record.ts';
import { RecordValidationError } from '../records/field-errors.ts';
import type { Registry } from '../registry.ts';
import { SYNTHETIC_HOST_SUFFIX, SYNTHETIC_PREFIX } from './synthetic-listings.ts';

export const SYNTHETIC_ADOPTION_SOURCE = {
  title: 'Synthetic demo adoption record (not real): registry-server/src/synthetic/synthetic-adoptions.ts',
};

interface Adopter {
  node: string;
  language: string;
  city: string;
  stage: AdoptionStage;
  change: string;
  why: string;
  outcome: { value: number; unit?: string; description: string; date: string } | null;
}

// Words in the adopting city's language; the figures are invented and labelled so.
const ADOPTERS: readonly Adopter[] = [
  {
    node: 'synthetic-milano',
    language: 'it',
    city: 'Milano',
    stage: 'adapting',
    change: 'Aperto anche il sabato mattina',
    why: 'Chi lavora nei giorni feriali non poteva venire.',
    outcome: { value: 120, unit: 'persone', description: 'Persone accolte nei primi tre mesi', date: '2026-12' },
  },
  {
    node: 'synthetic-athina',
    language: 'el',
    city: 'Αθήνα',
    stage: 'reused',
    change: 'Διερμηνεία στα φαρσί και στα αραβικά',
    why: 'Οι περισσότεροι επισκέπτες μιλούν αυτές τις γλώσσες.',
    outcome: { value: 35, unit: '%', description: 'Άτομα που βρήκαν εργασία μέσα σε 12 μήνες', date: '2027' },
  },
  {
    node: 'synthetic-sofia',
    language: 'bg',
    city: 'София',
    stage: 'adopting',
    change: 'Партньорство с местна кооперация',
    why: 'Общината няма собствени помещения.',
    outcome: null,
  },
  {
    node: 'synthetic-ljubljana',
    language: 'sl',
    city: 'Ljubljana',
    stage: 'dropped',
    change: 'Skupno okence z zavodom za zaposlovanje',
    why: 'Financiranje se je končalo po enem letu.',
    outcome: { value: 40, description: 'Svetovanj v prvem letu', date: '2026' },
  },
];

/** The demo records for `practices` (IRIs), one adopter after another; their `node` is the adopter's handle. */
export function syntheticAdoptions(practices: readonly string[]): Array<{ record: AdoptionRecord; objectId: string; actor: string }> {
  if (practices.length === 0) return [];
  return ADOPTERS.map((adopter, i) => {
    const practice = practices[i % practices.length]!;
    const handle = `demo-adoption-${i + 1}`;
    const host = `${adopter.node}.${SYNTHETIC_HOST_SUFFIX}`;
    const record: AdoptionRecord = {
      handle,
      practice,
      stage: adopter.stage,
      stageDates: { adopting: '2026-03', ...(adopter.stage !== 'adopting' ? { [adopter.stage]: '2026-09' } : {}) },
      title: { [adopter.language]: `${SYNTHETIC_PREFIX} ${adopter.city}`, en: `${SYNTHETIC_PREFIX} Demo adoption in ${adopter.city}` },
      kept: { en: '[synthetic] One place for basic needs and a first step towards work.' },
      changes: [{ change: { [adopter.language]: adopter.change }, why: { [adopter.language]: adopter.why } }],
      organisations: [{ name: `${SYNTHETIC_PREFIX} ${adopter.city} city services`, role: 'city' }],
      ...(adopter.outcome
        ? {
            outcomes: [
              {
                value: adopter.outcome.value,
                ...(adopter.outcome.unit ? { unit: adopter.outcome.unit } : {}),
                description: { [adopter.language]: adopter.outcome.description },
                date: adopter.outcome.date,
                source: SYNTHETIC_ADOPTION_SOURCE,
              },
            ],
          }
        : {}),
      sources: [SYNTHETIC_ADOPTION_SOURCE],
      originalLanguage: adopter.language,
      node: adopter.node,
    };
    return { record, objectId: `https://${host}/adoptions/${handle}`, actor: `https://${host}/nodes/${adopter.node}` };
  });
}

/**
 * Writes the demo set into a node's store as records received from the synthetic nodes (checked by
 * the one validation layer first), so a practice's page shows them as partners' adoptions would.
 */
export async function writeSyntheticAdoptions(registry: Registry, practices: readonly string[]): Promise<number> {
  const demos = syntheticAdoptions(practices);
  for (const { record } of demos) {
    const errors = registry.validator.validate('adoption-record', record);
    if (errors.length) throw new RecordValidationError('adoption-record', errors);
  }
  const now = new Date().toISOString();
  for (const { record, objectId, actor } of demos)
    await registry.adoptionRecords.upsertReceived(objectId, record, {
      kind: 'remote',
      node: actor,
      objectId,
      url: objectId,
      receivedAt: now,
      remoteUpdatedAt: now,
    });
  return demos.length;
}
