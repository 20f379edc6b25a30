// What differs between editing initiatives and editing good practices: authorisation actions,
// references to check, and what happens after an editor creates an initiative.
import type { AccountRepository } from '../accounts/account-repository.ts';
import type { Actor } from '../accounts/actor.ts';
import { can } from '../accounts/authorization.ts';
import type { InitiativeRepository } from '../initiatives/initiative-repository.ts';
import type { GoodPracticeRepository } from '../practices/good-practice-repository.ts';
import type { FieldError } from '../records/field-errors.ts';
import type { GoodPracticeRecord, InitiativeRecord } from '../records/record-types.ts';
import { eligibilityRules } from '../initiatives/eligibility-rules.ts';
import { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import type { EditorialKind } from './editorial-service.ts';
import type { TranslatableTexts } from '../translations/translatable-texts.ts';
import { LINK_TEXTS, SOURCE_TEXTS } from '../translations/shared-text-lists.ts';
import type { LanguageMap } from '../records/language.ts';

/**
 * The texts of an initiative people translate (ADR 0041, ADR 0053): every language map of
 * schemas/records/initiative.schema.json but its name, a proper name left as written; the
 * migrant-led governance only while the initiative consents to publish it (DATA-MODEL privacy
 * rule 2: a translator must not read what the public may not).
 */
export const INITIATIVE_TEXTS: TranslatableTexts = {
  fields: ['summary', 'description', 'mission', 'areaServed', 'migrantLed.governance'],
  publicWhen: {
    'migrantLed.governance': (record) => (record as InitiativeRecord).migrantLed?.consentToPublish === true,
  },
  lists: [
    {
      field: 'services',
      texts: [
        'name',
        'description',
        'interpretationServices',
        'applicationProcess',
        'feesDescription',
        'eligibilityDescription',
        'serviceAreas',
        'accessibility',
      ],
      label: (service) => service.name as LanguageMap,
    },
    { field: 'needs', texts: ['description'], label: (need) => need.type as string },
    { field: 'keyFigures', texts: ['description'], label: (figure) => String(figure.value) },
    { field: 'eligibility', texts: ['evidence'], label: (ground) => ground.basis as string },
    { field: 'pastContracts', texts: ['title'], label: (contract) => `${String(contract.buyer)}, ${String(contract.year)}` },
    LINK_TEXTS,
    SOURCE_TEXTS,
  ],
};
/** The texts of a good practice people translate: the EWSI template's, in reading order, then its actors' roles told in words. */
export const GOOD_PRACTICE_TEXTS: TranslatableTexts = {
  fields: ['title', 'summary', 'context', 'objectives', 'howItWorks', 'targetGroup', 'funding', 'results', 'evaluation', 'transferability'],
  lists: [{ field: 'actors', texts: ['description'], label: (actor) => actor.name as string }, SOURCE_TEXTS],
};

/**
 * Handles among `handles` with no (undeleted) local record in `repository` that the actor may
 * know of: a record that is not published counts as missing for an actor who may not edit it
 * (or moderate it), so naming a hidden handle as a reference answers like naming nothing.
 * Handles the record already named (`kept`) are not checked again: a save must not fail on a
 * reference the actor did not touch.
 */
async function missing(
  repository: InitiativeRepository | GoodPracticeRepository,
  handles: readonly string[],
  mayKnowOf: (handle: string) => boolean,
  kept: readonly string[] = [],
): Promise<Set<string>> {
  const checked = handles.filter((h) => !kept.includes(h));
  if (checked.length === 0) return new Set();
  const found = await repository.findLocalUndeleted(checked);
  const present = new Set(found.filter((d) => d.publication.state === 'published' || mayKnowOf(d._id)).map((d) => d._id));
  return new Set(checked.filter((h) => !present.has(h)));
}

const mayKnowOfInitiative = (actor: Actor) => (handle: string) =>
  can(actor, { do: 'initiative.edit', initiative: handle }) || can(actor, { do: 'initiative.moderate', initiative: handle });
const mayKnowOfPractice = (actor: Actor) => (handle: string) =>
  can(actor, { do: 'practice.edit', practice: handle }) || can(actor, { do: 'practice.moderate', practice: handle });

/**
 * Whether a contact shows an account's sign-in address to anyone (public or signed-in): that is a
 * person's address, and the contact must be a role address (DATA-MODEL privacy rule 4; the node
 * profile refuses it the same way). Kept private it is only written to by the registry. Asked
 * only when the address or its visibility changed, so an older record is not blocked on an
 * unrelated edit.
 */
async function isVisiblePersonalAddress(
  accounts: AccountRepository,
  contact: InitiativeRecord['contact'],
  previous: InitiativeRecord['contact'] | undefined,
): Promise<boolean> {
  const email = contact?.email;
  const visibility = contact?.visibility?.email ?? 'private';
  if (!email || visibility === 'private') return false;
  if (email === previous?.email && visibility === (previous?.visibility?.email ?? 'private')) return false;
  return (await accounts.findByEmail(email)) !== null;
}

export function initiativeEditorialKind(
  initiatives: InitiativeRepository,
  practices: GoodPracticeRepository,
  accounts: AccountRepository,
  now: () => Date = () => new Date(),
  catalog: TaxonomyCatalog = TaxonomyCatalog.load(),
): EditorialKind<InitiativeRecord> {
  return {
    name: 'initiative',
    label: 'initiative',
    recordType: 'initiative',
    repository: initiatives as never,
    translatable: INITIATIVE_TEXTS,
    createAction: { do: 'initiative.create' },
    editAction: (initiative) => ({ do: 'initiative.edit', initiative }),
    moderateAction: (initiative) => ({ do: 'initiative.moderate', initiative }),
    async checkReferences(record, actor, previous) {
      const errors: FieldError[] = [];
      const absent = await missing(practices, record.practices ?? [], mayKnowOfPractice(actor), previous?.practices);
      (record.practices ?? []).forEach(
        (h, i) =>
          absent.has(h) &&
          errors.push({ field: `practices.${i}`, code: 'UNKNOWN_REFERENCE', message: `no good practice "${h}" on this node.` }),
      );
      if (await isVisiblePersonalAddress(accounts, record.contact, previous?.contact))
        errors.push({
          field: 'contact.email',
          code: 'PERSONAL_ADDRESS',
          message:
            "is the sign-in address of a person's account here; give the initiative’s own address (contact@, info@ …), or let nobody see this one.",
        });
      if (record.partOf) {
        if (record.partOf === record.handle) errors.push({ field: 'partOf', code: 'INVALID', message: 'cannot be the initiative itself.' });
        else if ((await missing(initiatives, [record.partOf], mayKnowOfInitiative(actor), previous?.partOf ? [previous.partOf] : [])).size)
          errors.push({ field: 'partOf', code: 'UNKNOWN_REFERENCE', message: `no initiative "${record.partOf}" on this node.` });
      }
      // Proof dates, contract years and statuses of another country (ADR 0035).
      errors.push(...eligibilityRules(record, now().toISOString().slice(0, 10), catalog));
      return errors;
    },
    async afterCreate(actor, record) {
      // An editor who creates an initiative becomes one of its editors.
      if (actor.role === 'editor') await accounts.addEditor(actor.accountId, record.handle, now().toISOString());
    },
  };
}

export function goodPracticeEditorialKind(
  practices: GoodPracticeRepository,
  initiatives: InitiativeRepository,
): EditorialKind<GoodPracticeRecord> {
  return {
    name: 'goodPractice',
    label: 'good practice',
    recordType: 'good-practice',
    repository: practices as never,
    translatable: GOOD_PRACTICE_TEXTS,
    createAction: { do: 'practice.create' },
    editAction: (practice) => ({ do: 'practice.edit', practice }),
    moderateAction: (practice) => ({ do: 'practice.moderate', practice }),
    async checkReferences(record, actor, previous) {
      const absent = await missing(initiatives, record.initiatives ?? [], mayKnowOfInitiative(actor), previous?.initiatives);
      return (record.initiatives ?? []).flatMap((h, i) =>
        absent.has(h) ? [{ field: `initiatives.${i}`, code: 'UNKNOWN_REFERENCE', message: `no initiative "${h}" on this node.` }] : [],
      );
    },
  };
}
