// The market pages behind sign-in (post, edit, submit, approve, renew, withdraw; the lists of
// one's records): the operations they send, as their .graphql files, and the few steps they
// share. Who may do what is the registry's to say (market.write, market.moderate, ADR 0033):
// a refusal comes back as a typed error, shown on the form.
import { error } from '@sveltejs/kit';
import { loadAs } from '../manage/page-access.ts';
import type { SessionEvent } from '../session.ts';
import type { EditableMarketRecordQuery, EditableMarketRecordsQuery, MarketFormChoicesQuery } from '../../generated/operation-types.ts';
import type { StoredMarketForm } from '../../forms/market/market-record-form.ts';
import CREATE from './create-market-record.graphql?raw';
import UPDATE from './update-market-record.graphql?raw';
import SUBMIT from './market-submit-for-review.graphql?raw';
import APPROVE from './market-approve.graphql?raw';
import UNPUBLISH from './market-unpublish.graphql?raw';
import EDITABLE from './editable-market-record.graphql?raw';
import EDITABLE_LIST from './editable-market-records.graphql?raw';
import CHOICES from './market-form-choices.graphql?raw';

export const MARKET_MUTATIONS = { CREATE, UPDATE, SUBMIT, APPROVE, UNPUBLISH } as const;

export type MarketFormChoices = MarketFormChoicesQuery;
export type EditableMarketRecord = NonNullable<EditableMarketRecordQuery['editableMarketRecord']> & { record: StoredMarketForm };
export type EditableMarketRecordItem = EditableMarketRecordsQuery['editableMarketRecords'][number] & { record: StoredMarketForm };

/** The taxonomies the form's pickers list, in the reader's language. */
export function loadMarketFormChoices(event: SessionEvent): Promise<MarketFormChoices> {
  return loadAs<MarketFormChoices>(event, CHOICES, { lang: event.locals.lang });
}

/** The record to edit, as its writers and moderators see it; 404 when there is none this reader may see. */
export async function loadEditableMarketRecord(event: SessionEvent, slug: string): Promise<EditableMarketRecord> {
  if (slug.length > 200) error(404);
  const { editableMarketRecord } = await loadAs<EditableMarketRecordQuery>(event, EDITABLE, { slug });
  if (!editableMarketRecord) error(404);
  return editableMarketRecord as EditableMarketRecord;
}

/** An initiative's needs and openings (with `initiative`), or the staff's requests and offers. */
export async function loadEditableMarketRecords(event: SessionEvent, initiative: string | null): Promise<EditableMarketRecordItem[]> {
  const { editableMarketRecords } = await loadAs<EditableMarketRecordsQuery>(event, EDITABLE_LIST, { initiative });
  return editableMarketRecords as EditableMarketRecordItem[];
}

/** Today in UTC (YYYY-MM-DD): market records' days are UTC days (ADR 0033). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
