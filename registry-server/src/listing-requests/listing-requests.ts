// "List your initiative": someone without an account asks for an initiative to be listed on the
// public form. The request becomes a draft initiative in the review queue (through the same
// editorial service and validation layer as every record), the moderators are told, and a
// moderator approves it (the initiative is published and the person is invited to become its
// editor), asks for changes (it stays unpublished, back to draft, and the person is invited to
// make them), or declines it with a reason (the person is told when the node can
// e-mail). The person's address is kept apart from the record and forgotten as soon as it has
// served (ADR 0029). Spam is kept out without third parties: a signed form token with a minimum
// fill time, a hidden field, size and link limits, and limits per client address and per node.
import { randomBytes } from 'node:crypto';
import { logger } from '../config/logging.ts';
import type { Actor } from '../accounts/actor.ts';
import { ActionError } from '../accounts/action-error.ts';
import { authorize } from '../accounts/authorization.ts';
import { normaliseEmail } from '../accounts/email-address.ts';
import type { InvitationService } from '../accounts/invitation-service.ts';
import { addressBucket } from '../accounts/address-bucket.ts';
import type { Claim, Limit, RateLimiter } from '../accounts/rate-limiter.ts';
import { checkedReason, type EditorialService, type RecordChanges } from '../editorial/editorial-service.ts';
import type { DomainEvents } from '../events/domain-events.ts';
import type { StoredInitiative } from '../initiatives/initiative-repository.ts';
import type { InitiativeRecord } from '../records/record-types.ts';
import { askerMail, type AskerMailKind } from './asker-mail-texts.ts';
import { checkFormToken, FORM_TOKEN_HOURS, issueFormToken, MINIMUM_FILL_SECONDS } from './form-token.ts';
import { formField, handleFromName, recordFromRequest, requestErrors, type ListingRequestInput } from './listing-request-input.ts';
import type { ListingRequestRepository, StoredListingRequest } from './listing-request-repository.ts';

export type { ListingRequestInput } from './listing-request-input.ts';
export type { StoredListingRequest } from './listing-request-repository.ts';

const log = logger('listing-requests');

/** The invitation made for the person who asked (the link is shown to the moderator only now). */
export type ListingInvitation = { url: string; expiresAt: string; emailed: boolean };

/** A waiting request's address is forgotten after this many days even if no moderator decided. */
export const UNDECIDED_DAYS = 60;

/**
 * Requests accepted per client address (IPv6: per /64) and per node. A person lists one
 * initiative, a few for a network; the node-wide cap keeps a flood from many addresses from
 * burying the review queue (moderators see it at most this full in a day).
 */
export const LISTING_LIMITS = {
  perAddress: { max: 3, windowMs: 60 * 60_000 } satisfies Limit,
  perNode: { max: 50, windowMs: 24 * 60 * 60_000 } satisfies Limit,
};

/** One answer for every sign of a bot, so a bot learns nothing of which defence it met; a person knows what to do. */
const refused = () =>
  new ActionError(
    'REQUEST_REFUSED',
    'The request was not accepted. Reload the page, fill in the form and send it again; if you filled it in very quickly, wait a few seconds before sending.',
  );

export interface ListingRequestDependencies {
  requests: ListingRequestRepository;
  editorial: EditorialService<InitiativeRecord>;
  invitations: InvitationService;
  limiter: RateLimiter;
  events: DomainEvents;
  now: () => Date;
  /** Sends an e-mail when the node has SMTP settings; returns whether it did. */
  sendMail?: (to: string, subject: string, text: string) => Promise<boolean>;
}

export class ListingRequests {
  readonly #deps: ListingRequestDependencies;

  constructor(deps: ListingRequestDependencies) {
    this.#deps = deps;
  }

  async ensureIndexes(): Promise<void> {
    await this.#deps.requests.ensureIndexes();
    await this.forgetDue();
  }

  /** What the public form needs: a signed token of when it was loaded. */
  async form(): Promise<{ token: string; minimumFillSeconds: number }> {
    return { token: issueFormToken(await this.#deps.requests.formKey(), this.#deps.now()), minimumFillSeconds: MINIMUM_FILL_SECONDS };
  }

  /** Stores a request from the public form as a draft initiative waiting for review. */
  async submit(input: ListingRequestInput, address: string): Promise<{ initiative: string }> {
    const nonce = await this.#checkForm(input);
    const errors = requestErrors(input);
    if (errors.length)
      throw new ActionError('VALIDATION_FAILED', `The request was not sent: ${errors.length} field(s) need fixing.`, { fields: errors });
    await this.forgetDue();
    const claims = await this.#claimAllowance(address);
    if (!(await this.#deps.requests.claimFormToken(nonce, this.#tokenExpiry()))) {
      await Promise.all(claims.map((c) => c.release()));
      log.warning('Listing request refused: its form token was used already');
      throw refused();
    }
    let doc: StoredInitiative;
    try {
      doc = await this.#createDraft(input);
    } catch (error) {
      // A field the person can fix: the form and the allowance are theirs to use again.
      await Promise.all([...claims.map((c) => c.release()), this.#deps.requests.releaseFormToken(nonce)]);
      throw error;
    }
    const now = this.#deps.now().toISOString();
    await this.#deps.requests.insert({
      _id: doc._id,
      askedVia: 'public-form',
      askedAt: now,
      consentToListAt: now,
      askerEmail: normaliseEmail(input.askerEmail),
      askerLanguage: input.language.trim(),
      status: 'waiting',
      forgetAt: new Date(this.#deps.now().getTime() + UNDECIDED_DAYS * 86_400_000).toISOString(),
    });
    // Only the handle: never the person's address, nor what they wrote.
    log.info('Listing requested on the public form: {initiative}', { initiative: doc._id });
    this.#deps.events.emit({ type: 'listing.requested', id: doc._id });
    return { initiative: doc._id };
  }

  /**
   * The request behind each of these initiatives, in one query (the GraphQL batch loader). No
   * authorisation here: callers ask only for an actor who may list the review queue.
   */
  requestsOf(ids: readonly string[]): Promise<StoredListingRequest[]> {
    return this.#deps.requests.findByIds(ids);
  }

  /** Requests waiting for a decision, oldest first (moderators). */
  async waiting(actor: Actor): Promise<StoredListingRequest[]> {
    authorize(actor, { do: 'review.list' });
    await this.forgetDue();
    return this.#deps.requests.waiting();
  }

  /**
   * Publishes a requested initiative and invites the person who asked to become its editor. The
   * invitation is made first (it may be refused: the moderator's daily cap), so a refusal
   * publishes nothing; if publishing then fails (a version conflict), the invitation is withdrawn.
   */
  async approve(actor: Actor, id: string, version: number): Promise<{ doc: StoredInitiative; invitation: ListingInvitation }> {
    authorize(actor, { do: 'initiative.moderate', initiative: id });
    const request = await this.#waitingWithAddress(id, 'approve');
    return this.#inviteAsker(actor, request, 'approved', () => this.#deps.editorial.approve(actor, id, version));
  }

  /**
   * Asks for changes before publishing (issue 14): the draft goes back to DRAFT with the reason as
   * its review note (the editorial `reject`, so editors read it on the page and in their notices),
   * and the person who asked is invited to become its editor, unpublished, told the reason. The
   * reason is checked before the invitation is made, so a missing one leaves nothing behind.
   */
  async askChanges(
    actor: Actor,
    id: string,
    version: number,
    reason: string,
  ): Promise<{ doc: StoredInitiative; invitation: ListingInvitation }> {
    authorize(actor, { do: 'initiative.moderate', initiative: id });
    const trimmed = checkedReason(reason, 'Give the reason (3 to 2,000 characters): the person who asked reads it to know what to change.');
    const request = await this.#waitingWithAddress(id, 'reject');
    return this.#inviteAsker(actor, request, 'changes-asked', () => this.#deps.editorial.reject(actor, id, version, trimmed), trimmed);
  }

  /** The request waiting for this initiative, with the asker's address still kept; else an error naming what to use instead. */
  async #waitingWithAddress(id: string, instead: 'approve' | 'reject'): Promise<StoredListingRequest> {
    const request = await this.#deps.requests.findById(id);
    if (!request || request.status !== 'waiting')
      throw new ActionError('NOT_FOUND', `No listing request waits for "${id}"; for other records use \`${instead}\`.`);
    if (!request.askerEmail)
      throw new ActionError(
        'INVALID_STATE',
        `The address of the person who asked was forgotten (the request waited too long): use \`${instead}\` and invite an editor yourself.`,
      );
    return request;
  }

  /**
   * Invites the person who asked to become the initiative's editor, then makes the decision. The
   * invitation is made first (it may be refused: the moderator's daily cap), so a refusal changes
   * nothing; if the decision then fails (a version conflict), the invitation is withdrawn.
   */
  async #inviteAsker(
    actor: Actor,
    request: StoredListingRequest,
    status: 'approved' | 'changes-asked',
    decide: () => Promise<unknown>,
    reason?: string,
  ): Promise<{ doc: StoredInitiative; invitation: ListingInvitation }> {
    const id = request._id;
    const { invitation, url } = await this.#deps.invitations.create(actor, {
      role: 'editor',
      initiatives: [id],
      note: 'Asked on the public form',
    });
    let doc: StoredInitiative;
    try {
      doc = (await decide()) as StoredInitiative;
    } catch (error) {
      await this.#deps.invitations.withdraw(actor, invitation._id.slice(0, 12));
      throw error;
    }
    const now = this.#deps.now().toISOString();
    await this.#deps.requests.markInvited(id, status, invitation._id, now, invitation.expiresAt, reason);
    const values = { name: nameOf(doc.record), link: url, date: invitation.expiresAt.slice(0, 10), reason };
    const emailed = await this.#mail(request, status === 'approved' ? 'invited' : 'changes', values);
    log.info('Listing request {initiative} {status}; invitation {invitation} e-mailed: {emailed}', {
      initiative: id,
      status,
      invitation: invitation._id.slice(0, 12),
      emailed,
    });
    return { doc, invitation: { url, expiresAt: invitation.expiresAt, emailed } };
  }

  /**
   * Declines a new initiative waiting for review, with a reason. When it came from the public form,
   * the person is told by e-mail (when the node can), and their address is forgotten either way.
   */
  async decline(actor: Actor, id: string, version: number, reason: string): Promise<{ doc: StoredInitiative; askerTold: boolean }> {
    const doc = (await this.#deps.editorial.decline(actor, id, version, reason)) as StoredInitiative;
    const request = await this.#deps.requests.findById(id);
    if (!request || request.status !== 'waiting') return { doc, askerTold: false };
    await this.#deps.requests.markDeclined(id, this.#deps.now().toISOString());
    const askerTold = await this.#mail(request, 'declined', { name: nameOf(doc.record), reason: reason.trim() });
    log.info('Listing request {initiative} declined; the person told: {told}', { initiative: id, told: askerTold });
    return { doc, askerTold };
  }

  /**
   * The invitation of a request was used: the person's address is no longer needed. When it was
   * made asking for changes, the person was not yet an editor when the moderator's reason was
   * announced, so it is announced again: they find it in their notifications like any editor.
   */
  async invitationUsed(invitationId: string): Promise<void> {
    const request = await this.#deps.requests.findByInvitation(invitationId);
    if (await this.#deps.requests.forgetByInvitation(invitationId, this.#deps.now().toISOString()))
      log.info('Address of a listing request forgotten: its invitation was used');
    if (request?.status === 'changes-asked' && request.changesAsked)
      this.#deps.events.emit({
        type: 'review.decided',
        kind: 'initiative',
        id: request._id,
        decision: 'changes-requested',
        note: request.changesAsked,
      });
  }

  /** Forgets the addresses kept past their time (undecided requests, invitations never used). */
  async forgetDue(): Promise<number> {
    const forgotten = await this.#deps.requests.forgetDue(this.#deps.now().toISOString());
    if (forgotten) log.info('Forgot the addresses of {count} listing request(s) past their time', { count: forgotten });
    return forgotten;
  }

  /**
   * The bot checks, before anything else: the hidden field is empty, and the form's token is ours,
   * loaded at least a few seconds and at most a day ago. Logged without anything the request holds.
   */
  async #checkForm(input: ListingRequestInput): Promise<string> {
    if (input.leaveEmpty?.trim()) {
      log.warning('Listing request refused: the hidden field was filled');
      throw refused();
    }
    const check = checkFormToken(await this.#deps.requests.formKey(), input.formToken, this.#deps.now());
    if (check.ok) return check.nonce;
    log.warning('Listing request refused: form token {why}', { why: check.why });
    if (check.why === 'expired')
      throw new ActionError(
        'FORM_EXPIRED',
        `The form was loaded more than ${FORM_TOKEN_HOURS} hours ago. Reload the page and send it again.`,
      );
    throw refused();
  }

  /** Counts this request against its client address and the node, before the draft is stored; refused with how long to wait. */
  async #claimAllowance(address: string): Promise<Claim[]> {
    const byAddress = await this.#deps.limiter.claim(`listing:address:${addressBucket(address)}`, LISTING_LIMITS.perAddress);
    if (!byAddress.allowed)
      throw new ActionError(
        'RATE_LIMITED',
        `Too many requests from your connection. Try again in ${Math.ceil(byAddress.retryAfterSeconds / 60)} minute(s).`,
        { retryAfterSeconds: byAddress.retryAfterSeconds },
      );
    const byNode = await this.#deps.limiter.claim('listing:node', LISTING_LIMITS.perNode);
    if (!byNode.allowed) {
      await byAddress.release();
      log.warning('Listing requests refused: the node-wide daily cap is reached');
      throw new ActionError(
        'RATE_LIMITED',
        `This registry received too many requests today. Try again in ${Math.ceil(byNode.retryAfterSeconds / 3600)} hour(s).`,
        { retryAfterSeconds: byNode.retryAfterSeconds },
      );
    }
    return [byAddress, byNode];
  }

  #tokenExpiry(): string {
    return new Date(this.#deps.now().getTime() + FORM_TOKEN_HOURS * 3_600_000).toISOString();
  }

  /**
   * The draft, under a handle made from the name: "cuisine-des-deux-rives", then "-2" … "-5"
   * while taken (two initiatives of one name in two cities), then a random suffix, so a name
   * asked for many times never runs out of handles. The asker is never told the handle, so a
   * taken one (even of a hidden draft) says nothing.
   */
  async #createDraft(input: ListingRequestInput): Promise<StoredInitiative> {
    const base = handleFromName(input.name);
    for (let attempt = 1; ; attempt++) {
      const handle = attempt === 1 ? base : attempt <= 5 ? `${base}-${attempt}` : `${base}-${randomBytes(4).toString('hex')}`;
      try {
        return (await this.#deps.editorial.createRequested(
          recordFromRequest(input, handle) as RecordChanges<InitiativeRecord>,
        )) as StoredInitiative;
      } catch (error) {
        if (error instanceof ActionError && error.code === 'ALREADY_EXISTS' && attempt < 20) continue;
        if (error instanceof ActionError && error.code === 'VALIDATION_FAILED') throw onTheForm(error);
        throw error;
      }
    }
  }

  async #mail(request: StoredListingRequest, kind: AskerMailKind, values: Parameters<typeof askerMail>[2]): Promise<boolean> {
    if (!this.#deps.sendMail || !request.askerEmail) return false;
    const { subject, text } = askerMail(request.askerLanguage, kind, values);
    try {
      return await this.#deps.sendMail(request.askerEmail, subject, text);
    } catch (error) {
      log.error('Could not e-mail the person who asked for {initiative}: {error}', { initiative: request._id, error });
      return false;
    }
  }
}

const nameOf = (record: InitiativeRecord) => record.name[record.originalLanguage] ?? Object.values(record.name)[0] ?? record.handle;

/** The record's field errors under the form's field names (a field the form does not have is the whole request's). */
function onTheForm(error: ActionError): ActionError {
  const fields = error.fields.map((f) => ({ ...f, field: formField(f.field) ?? '' }));
  return new ActionError('VALIDATION_FAILED', `The request was not sent: ${fields.length} field(s) need fixing.`, { fields });
}
