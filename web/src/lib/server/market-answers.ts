// The answer and follow-up pages' calls to the registry (ADR 0037): an editor opens a record sent
// to their initiative (which marks it seen) and answers it; the record's followers read who was
// told, saw and answered, and move answers on and off the shortlist. Signed-in pages: the reader's
// session, never a shared cache.
import { error, fail } from '@sveltejs/kit';
import { ANSWER_FIELDS, VERDICTS } from '../market-answers/answer-fields.ts';
import type {
  AnswerMarketRecordMutation,
  MarketAnswerVerdict,
  MarketFollowUpQuery,
  OpenMarketRecordSentMutation,
  SetMarketAnswerShortlistedMutation,
} from '../generated/operation-types.ts';
import { editProblems } from '../forms/manage/edit-problems.ts';
import { textField, type ApiError, type Problems } from '../forms/manage/form-problems.ts';
import { runMutation } from './manage/edit-action.ts';
import { loadAs, requireAccount } from './manage/page-access.ts';
import { registryAs, type SessionEvent, type SignedInAccount } from './session.ts';
import SENT_FIELDS from './queries/market-record-sent.fragments.graphql?raw';
import OPEN_OPERATION from './queries/open-market-record-sent.graphql?raw';
import ANSWER_OPERATION from './queries/answer-market-record.graphql?raw';
import FOLLOW_UP from './queries/market-follow-up.graphql?raw';
import SHORTLIST from './queries/set-market-answer-shortlisted.graphql?raw';

const OPEN = `${OPEN_OPERATION}\n${SENT_FIELDS}`;
const ANSWER = `${ANSWER_OPERATION}\n${SENT_FIELDS}`;

export type { MarketRecordSent, MarketFollowUp } from '../market-answers/sent-types.ts';
import type { MarketRecordSent, MarketFollowUp } from '../market-answers/sent-types.ts';

type RouteEvent = SessionEvent & { params: { handle: string } };
type PageEvent = RouteEvent & { parent: () => Promise<{ account?: SignedInAccount | null }> };
type ActionEvent = RouteEvent & { request: Request };

/** What the answer page is about: the record (its IRI for a partner's, else this node's handle) and the initiative. */
export function answerTarget(event: Pick<RouteEvent, 'params' | 'url'>): { record: string; initiative: string } {
  const initiative = event.url.searchParams.get('initiative') ?? '';
  if (!initiative) error(404);
  return { record: event.url.searchParams.get('record') || event.params.handle, initiative };
}

/** Opens the record sent to the initiative (seen, the first time) and answers it; 403/404 when not sent to one of the reader's initiatives. */
export async function openSent(event: PageEvent): Promise<MarketRecordSent> {
  const account = requireAccount((await event.parent()).account ?? null, event.url);
  const data = await registryAs<OpenMarketRecordSentMutation>(event, OPEN, answerTarget(event), account.csrfToken);
  const { sent, error: refused } = data.result;
  if (refused?.code === 'NOT_AUTHORIZED') error(403, 'Only the editors of this initiative can open what is sent to it.');
  if (!sent) error(404);
  return sent;
}

export async function answerAction(event: ActionEvent) {
  const form = await event.request.formData();
  const verdict = textField(form, 'verdict') as MarketAnswerVerdict;
  const message = textField(form, 'message', false);
  const posted = { verdict, message };
  if (!VERDICTS.includes(verdict)) {
    const problems: Problems = { fields: { [ANSWER_FIELDS.verdict]: { key: 'mansErrorChooseVerdict' } }, general: [] };
    return fail(400, { problems, posted });
  }
  const outcome = await runMutation<AnswerMarketRecordMutation['result'], typeof posted>(
    event,
    form,
    ANSWER,
    { ...answerTarget(event), input: { verdict, message: message.trim() ? message : null } },
    { posted, problems: answerProblems },
  );
  if (!outcome.ok) return outcome.failure;
  return { answered: verdict };
}

function answerProblems(apiError: ApiError): Problems {
  if (apiError.code === 'INVALID_STATE') return { fields: {}, general: [{ key: 'mansErrorClosed' }] };
  return editProblems(
    apiError,
    { verdict: ANSWER_FIELDS.verdict, message: ANSWER_FIELDS.message },
    { 'message/REQUIRED': 'mansErrorQuestionWords', 'message/TOO_LONG': 'mansErrorTooLong', 'message/INVALID': 'mansErrorPlainText' },
  );
}

/** The follow-up of the page's record; 404 for whoever does not follow it. */
export async function loadFollowUp(event: RouteEvent): Promise<MarketFollowUp> {
  const { marketFollowUp } = await loadAs<MarketFollowUpQuery>(event, FOLLOW_UP, { record: event.params.handle });
  if (!marketFollowUp) error(404);
  return marketFollowUp;
}

export async function shortlistAction(event: ActionEvent) {
  const form = await event.request.formData();
  const entry = textField(form, 'entry');
  const shortlisted = textField(form, 'shortlisted') === 'true';
  const outcome = await runMutation<SetMarketAnswerShortlistedMutation['result']>(
    event,
    form,
    SHORTLIST,
    { entry, shortlisted },
    { formId: entry },
  );
  if (!outcome.ok) return outcome.failure;
  return { shortlistChanged: entry, shortlisted };
}
