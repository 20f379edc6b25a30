// The shapes the answer pages read, from the generated operation types (ADR 0015).
import type { MarketFollowUpQuery, OpenMarketRecordSentMutation } from '../generated/operation-types.ts';

export type MarketRecordSent = NonNullable<OpenMarketRecordSentMutation['result']['sent']>;
export type MarketFollowUp = NonNullable<MarketFollowUpQuery['marketFollowUp']>;
