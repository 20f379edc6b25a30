// The rules of an initiative's eligibility and capacity (issue 15 point 3, ADR 0035) that JSON
// Schema cannot state: they depend on the day (no proof dated in the future, no contract
// delivered next year), on two fields at once (a national status of another country than the
// initiative's), or on what a text holds (no way to reach a person: DATA-MODEL privacy rule 4).
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import type { FieldError } from '../records/field-errors.ts';
import type { EligibilityEntry, InitiativeRecord } from '../records/record-types.ts';

/** A proof older than this many years is shown as "to be confirmed" (ADR 0035). */
export const EVIDENCE_VALID_YEARS = 2;

// An e-mail address or a run of 8+ digits (spaces, dots, dashes and a leading + allowed between
// them) is how a person is reached; an organisation's name or a contract's title needs neither.
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const PHONE = /\+?\d(?:[\s./-]?\d){7,}/;

/** Whether a text holds a way to reach someone (an e-mail address, a phone number). */
export function reachesSomeone(text: string): boolean {
  return EMAIL.test(text) || PHONE.test(text);
}

/** The first day on which a proof dated `evidenceDate` is older than EVIDENCE_VALID_YEARS. */
export function evidenceStaleFrom(evidenceDate: string): string {
  const [year, month, day] = evidenceDate.split('-').map(Number) as [number, number, number];
  const stale = new Date(Date.UTC(year + EVIDENCE_VALID_YEARS, month - 1, day));
  // 29 February rolls over to 1 March in a common year, which is the day after 28 February: right.
  return stale.toISOString().slice(0, 10);
}

/**
 * Whether the proof of `entry` must be confirmed on `today` (YYYY-MM-DD, UTC): older than
 * EVIDENCE_VALID_YEARS, or dated in the future. Local saves refuse a future date, but a copy
 * received from a partner only passes the schema: a proof "of 2099" must not stay current forever.
 */
export function evidenceToConfirm(entry: Pick<EligibilityEntry, 'evidenceDate'>, today: string): boolean {
  return entry.evidenceDate > today || evidenceStaleFrom(entry.evidenceDate) <= today;
}

/** Problems of the eligibility and capacity fields of `record` written on `today`; empty when none. */
export function eligibilityRules(record: InitiativeRecord, today: string, catalog: TaxonomyCatalog): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  (record.eligibility ?? []).forEach((entry, i) => {
    const earlier = seen.get(entry.basis);
    if (earlier !== undefined)
      errors.push({
        field: `eligibility.${i}.basis`,
        code: 'DUPLICATE',
        message: `"${entry.basis}" is already given (entry ${earlier + 1}); keep one entry per ground, with its latest proof.`,
      });
    else seen.set(entry.basis, i);
    if (entry.evidenceDate > today)
      errors.push({
        field: `eligibility.${i}.evidenceDate`,
        code: 'IN_THE_FUTURE',
        message: `is after today (${today}): give the day the proof was issued or last checked.`,
      });
    const country = catalog.concept('reserved-contract-basis', entry.basis)?.country;
    if (country && country !== record.location.country)
      errors.push({
        field: `eligibility.${i}.basis`,
        code: 'OTHER_COUNTRY',
        message: `is a status of ${country}, and the initiative is in ${record.location.country}: choose a status of its own country, or the EU article itself.`,
      });
    for (const [language, text] of Object.entries(entry.evidence ?? {}))
      if (reachesSomeone(text)) errors.push(personalContact(`eligibility.${i}.evidence.${language}`));
  });
  const year = Number(today.slice(0, 4));
  (record.pastContracts ?? []).forEach((contract, i) => {
    if (contract.year > year)
      errors.push({
        field: `pastContracts.${i}.year`,
        code: 'IN_THE_FUTURE',
        message: `is after this year (${year}): list contracts already delivered or begun.`,
      });
    if (reachesSomeone(contract.buyer)) errors.push(personalContact(`pastContracts.${i}.buyer`));
    for (const [language, text] of Object.entries(contract.title))
      if (reachesSomeone(text)) errors.push(personalContact(`pastContracts.${i}.title.${language}`));
  });
  return errors;
}

function personalContact(field: string): FieldError {
  return {
    field,
    code: 'PERSONAL_CONTACT',
    message: 'holds an e-mail address or a phone number: name organisations only here; people are reached through the contact relay.',
  };
}
