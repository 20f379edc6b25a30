// Reads a market record fetched from a partner (the Page of market-record-jsonld.ts). A partner
// speaks only for itself (ADR 0038): the document must be the one asked for, name the sender as
// its node and author, carry a record whose handle is the IRI's and which is valid against
// market-record.schema.json and the day's rules at this node's clock (an expiry at most a year
// ahead), and whose owner initiative, if any, is named on the sender's own origin. Whether that
// initiative really is one of the sender's listings held here is checked by the caller, which
// knows the store (received-market-records.ts).
import type { FieldError } from '../../records/field-errors.ts';
import type { RecordValidator } from '../../records/record-validator.ts';
import type { MarketRecord } from '../../market/market-record.ts';
import { marketRecordRules } from '../../market/market-record-rules.ts';
import { handleFromIri } from '../iri.ts';
import { sameOrigin } from '../partners/partner-origin.ts';

export type ParsedMarketRecord =
  { kind: 'record'; record: MarketRecord; updated: string | null } | { kind: 'gone' } | { kind: 'invalid'; errors: FieldError[] };

export interface MarketParseOptions {
  validator: RecordValidator;
  expectedId: string;
  /** The partner's node actor that sent it. */
  sender: string;
  /** The handle this node files the sender's records under (partner-origin.ts). */
  nodeHandle: string;
  /** This node's day (YYYY-MM-DD, UTC), for the expiry rules. */
  today: string;
}

const invalid = (field: string, message: string): ParsedMarketRecord => ({
  kind: 'invalid',
  errors: [{ field, code: 'INVALID', message }],
});

export function parseReceivedMarketRecord(document: unknown, options: MarketParseOptions): ParsedMarketRecord {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return invalid('', 'not a JSON-LD object');
  const json = document as Record<string, unknown>;
  if (json.id !== options.expectedId) return invalid('id', `is ${String(json.id)}, not the IRI fetched (${options.expectedId})`);
  const types = (Array.isArray(json.type) ? json.type : [json.type]).map(String);
  if (types.includes('Tombstone')) return { kind: 'gone' };
  if (!types.includes('Page')) return invalid('type', `is ${types.join(', ')}, not a Page`);
  for (const field of ['isPartOf', 'attributedTo'] as const) {
    if (json[field] !== options.sender)
      return invalid(
        field,
        `names ${JSON.stringify(json[field])}, but the record was sent by ${options.sender}; a node publishes only its own records`,
      );
  }
  const given = json.marketRecord;
  if (given === null || typeof given !== 'object' || Array.isArray(given))
    return invalid('marketRecord', 'is missing: the document carries no market record');
  const handle = handleFromIri(options.expectedId);
  if ((given as { handle?: unknown }).handle !== handle)
    return invalid(
      'marketRecord.handle',
      `is ${JSON.stringify((given as { handle?: unknown }).handle)}, not the handle its IRI ends with (${handle})`,
    );
  // Filed under the sender's handle here, whatever node it names (as listings are).
  const record = { ...(given as Record<string, unknown>), node: options.nodeHandle } as unknown as MarketRecord;
  const errors = options.validator.validate('market-record', record);
  if (errors.length) return { kind: 'invalid', errors };
  const ruleErrors = marketRecordRules(record, options.today);
  // Expired already by this node's clock: nothing to show, and a copy held is to go.
  if (ruleErrors.some((e) => e.field === 'expiresOn' && e.code === 'IN_THE_PAST')) return { kind: 'gone' };
  if (ruleErrors.length) return { kind: 'invalid', errors: ruleErrors };
  const ownerError = ownerInitiativeError(json.ownerInitiative, record, options.expectedId);
  if (ownerError) return invalid('ownerInitiative', ownerError);
  return { kind: 'record', record, updated: typeof json.updated === 'string' ? json.updated : null };
}

/**
 * A need or an opening belongs to an initiative of the sending node: the document names it on the
 * record's own origin (`<origin>/initiatives/<handle>`), matching the record's owner handle. A
 * request or an offer has no initiative to check.
 */
function ownerInitiativeError(named: unknown, record: MarketRecord, id: string): string | null {
  const handle = record.owner.initiative;
  if ((record.kind === 'need' || record.kind === 'opening') && !handle) return `a ${record.kind} must name the initiative it belongs to`;
  if (!handle) return named === undefined ? null : 'names an initiative, but the record has none';
  if (typeof named !== 'string' || !sameOrigin(named, id) || handleFromIri(named) !== handle)
    return `names ${JSON.stringify(named)}, which is not the initiative "${handle}" on the record's own node`;
  return null;
}

/** The IRI, on the sender's origin, of the initiative a received record belongs to. */
export function ownerInitiativeIri(recordIri: string, handle: string): string {
  return `${new URL(recordIri).origin}/initiatives/${encodeURIComponent(handle)}`;
}
