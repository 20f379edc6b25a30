// The report loop (issue 14 point 6, ADR 0031): anyone reports a listing from its page; a report
// of this node's own listing waits here for its moderators, one of a partner's listing is kept as
// "forwarded" and sent to its origin (the federation reacts to `report.forwardRequested`);
// moderators resolve or dismiss with a note, and a partner that reported hears the decision (the
// federation reacts to `report.decided`). A partner's answer to our forwarded report closes it here.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../accounts/actor.ts';
import { ActionError } from '../accounts/action-error.ts';
import { addressBucket } from '../accounts/address-bucket.ts';
import type { AuditLog } from '../accounts/audit-log-repository.ts';
import { authorize } from '../accounts/authorization.ts';
import type { Limit, RateLimiter } from '../accounts/rate-limiter.ts';
import { logger } from '../config/logging.ts';
import type { DomainEvents } from '../events/domain-events.ts';
import type { InitiativeRepository } from '../initiatives/initiative-repository.ts';
import type { GoodPracticeRepository } from '../practices/good-practice-repository.ts';
import type { RecordIris } from '../records/record-iris.ts';
import type { FieldError } from '../records/field-errors.ts';
import { isReportCategory, readFlagText, type ReportCategory } from './report-categories.ts';
import type { ReportDecision, ReportRepository, ReportStatus, ReportView } from './report-repository.ts';
import { findReportedListing, type ReportedListing } from './reported-listing.ts';

export type { ReportedListing } from './reported-listing.ts';

const log = logger('reports');

/** Reports one client address (an IPv6 /64 counts as one) may make per hour, whatever the listing. */
export const REPORT_ADDRESS_LIMIT: Limit = { max: 5, windowMs: 60 * 60_000 };
/** Reports one listing may receive per hour from everyone together: a flood from many addresses stops here. */
export const REPORT_LISTING_LIMIT: Limit = { max: 20, windowMs: 60 * 60_000 };
/** Reports one partner server (by host) may send per hour, as Flags: a server cannot flood the moderators either. */
export const REPORT_PARTNER_LIMIT: Limit = { max: 30, windowMs: 60 * 60_000 };
/** Longest reporter's text and moderator's note. */
export const REPORT_TEXT_MAX = 2000;
/** The reporter's text is emptied this long after the report is closed (ADR 0031). */
export const TEXT_RETENTION_AFTER_CLOSE_MS = 30 * 24 * 60 * 60_000;
/** ... and this long after it was forwarded when the origin never answered. */
export const TEXT_RETENTION_UNANSWERED_MS = 180 * 24 * 60 * 60_000;
const SWEEP_EVERY_MS = 60 * 60_000;

export interface ReportInput {
  /** The listing's global id (its IRI). */
  listing: string;
  category: string;
  text?: string | null;
}

export type ReportList = 'open' | 'forwarded' | 'closed';
const LIST_STATUSES: Record<ReportList, readonly ReportStatus[]> = {
  open: ['open'],
  forwarded: ['forwarded'],
  closed: ['resolved', 'dismissed'],
};

export interface ReportDeskDeps {
  reports: ReportRepository;
  initiatives: InitiativeRepository;
  practices: GoodPracticeRepository;
  limiter: RateLimiter;
  events: DomainEvents;
  audit: AuditLog;
  iris: RecordIris;
  now: () => Date;
}

export class ReportDesk {
  readonly #deps: ReportDeskDeps;
  #lastSweep = Number.NEGATIVE_INFINITY;

  constructor(deps: ReportDeskDeps) {
    this.#deps = deps;
  }

  ensureIndexes(): Promise<void> {
    return this.#deps.reports.ensureIndexes();
  }

  /**
   * Anyone, signed in or not, reports a published listing. Limited per client address and per
   * listing; nothing about the reporter is kept (not the address, not the account).
   */
  async submit(input: ReportInput, address: string): Promise<{ id: string; forwarded: boolean }> {
    const { category, text } = checkInput(input);
    const claim = await this.#deps.limiter.claim(`report:address:${addressBucket(address)}`, REPORT_ADDRESS_LIMIT);
    if (!claim.allowed)
      throw new ActionError(
        'RATE_LIMITED',
        `Too many reports from your connection. Try again in ${Math.ceil(claim.retryAfterSeconds / 60)} minute(s).`,
        { retryAfterSeconds: claim.retryAfterSeconds },
      );
    const listing = await this.findListing(input.listing);
    if (!listing)
      throw new ActionError(
        'NOT_FOUND',
        'No published listing on this node has this id. Report a listing from its own page; it may have been withdrawn meanwhile.',
      );
    const perListing = await this.#deps.limiter.claim(`report:listing:${listing.id}`, REPORT_LISTING_LIMIT);
    if (!perListing.allowed)
      throw new ActionError(
        'RATE_LIMITED',
        `This listing was reported many times in the last hour; its moderators have been told. Try again in ${Math.ceil(perListing.retryAfterSeconds / 60)} minute(s) if you have something to add.`,
        { retryAfterSeconds: perListing.retryAfterSeconds },
      );
    const now = this.#deps.now().toISOString();
    const id = randomUUID();
    await this.#deps.reports.insert({
      _id: id,
      direction: listing.isLocal ? 'local' : 'forwarded',
      reporter: null,
      reporterHost: null,
      objects: [listing.id],
      category,
      reason: text,
      receivedAt: now,
      status: listing.isLocal ? 'open' : 'forwarded',
      decision: null,
    });
    log.info('Report {reportId} about {listing} ({direction})', {
      reportId: id,
      listing: listing.id,
      direction: listing.isLocal ? 'local' : 'forwarded',
    });
    // The same event as a partner's Flag, so moderators are told the same way (notice-subscribers.ts).
    if (listing.isLocal) this.#deps.events.emit({ type: 'report.received', reportId: id, objects: [listing.id] });
    else this.#deps.events.emit({ type: 'report.forwardRequested', reportId: id });
    await this.#sweepIfDue();
    return { id, forwarded: !listing.isLocal };
  }

  /**
   * A partner's Flag (federation/inbox/on-flag.ts; its signature already verified). Kept only
   * when its id is on its sender's own server (a server cannot take the id of another's Flag,
   * which would make ours drop that one as a repeat), when it names at least one listing this
   * node publishes, and within the sender's hourly limit. Whether a new report was kept.
   */
  async receiveFromPartner(flag: { id: string; actor: string; objects: string[]; content: string }): Promise<boolean> {
    if (originOf(flag.id) === null || originOf(flag.id) !== originOf(flag.actor)) {
      log.warning('Ignored a Flag from {actor} whose id {flagId} is on another server', { actor: flag.actor, flagId: flag.id });
      return false;
    }
    const ours: string[] = [];
    for (const object of flag.objects) {
      const listing = await this.findListing(object);
      if (listing?.isLocal && !ours.includes(listing.id)) ours.push(listing.id);
    }
    if (ours.length === 0) return false;
    if (await this.#deps.reports.findById(flag.id)) return false;
    const host = new URL(flag.actor).host;
    const claim = await this.#deps.limiter.claim(`report:partner:${host}`, REPORT_PARTNER_LIMIT);
    if (!claim.allowed) {
      log.warning('Ignored a Flag from {host}: more than {max} reports this hour', { host, max: REPORT_PARTNER_LIMIT.max });
      return false;
    }
    const { category, text } = readFlagText(flag.content);
    const isNew = await this.#deps.reports.receive(flag.id, {
      reporter: flag.actor,
      reporterHost: host,
      objects: ours,
      category,
      reason: text.slice(0, REPORT_TEXT_MAX),
      receivedAt: this.#deps.now().toISOString(),
    });
    log.info('Report from {reporter} about {objects}', { reporter: flag.actor, objects: ours });
    // Moderators and admins are told once, in the site (and by e-mail with SMTP): notice-subscribers.ts.
    if (isNew) this.#deps.events.emit({ type: 'report.received', reportId: flag.id, objects: ours });
    return isNew;
  }

  /** A moderator resolves (with what was done) or dismisses (with why) an open report. */
  async decide(actor: Actor, id: string, decision: ReportDecision, note: string): Promise<ReportView> {
    authorize(actor, { do: 'review.list' });
    const text = note.trim();
    if (text.length < 3 || text.length > REPORT_TEXT_MAX)
      throw new ActionError('VALIDATION_FAILED', 'Write a note saying what was done or why (3 to 2,000 characters).', {
        fields: [{ field: 'note', code: text.length < 3 ? 'REQUIRED' : 'TOO_LONG', message: 'must be 3 to 2,000 characters.' }],
      });
    const report = await this.#deps.reports.findById(id);
    if (!report) throw new ActionError('NOT_FOUND', 'No report with this id; it may have been removed.');
    if (report.status === 'forwarded')
      throw new ActionError(
        'INVALID_STATE',
        "This report is about a partner's listing: its origin node decides, and its answer will appear here.",
      );
    const by = actor.kind === 'account' ? actor.accountId : null;
    const decided = await this.#deps.reports.decide(id, 'open', decision, { note: text, decidedAt: this.#deps.now().toISOString(), by });
    if (!decided) throw new ActionError('INVALID_STATE', 'This report is closed already (another moderator decided); reload the page.');
    if (actor.kind === 'account')
      await this.#deps.audit.record({
        accountId: actor.accountId,
        role: actor.role,
        action: `report.${decision === 'resolved' ? 'resolve' : 'dismiss'}`,
        target: id,
      });
    this.#deps.events.emit({ type: 'report.decided', reportId: id, decision });
    return decided;
  }

  /**
   * The origin node of a listing we reported answered: only the actor our Flag went to may, and
   * only once. Whether the answer closed one of our forwarded reports.
   */
  async recordOutcome(flagId: string, answeredBy: string, decision: ReportDecision, note: string): Promise<boolean> {
    const report = await this.#deps.reports.findByFlagId(flagId);
    if (!report || report.sentTo !== answeredBy) return false;
    const decided = await this.#deps.reports.decide(report._id, 'forwarded', decision, {
      note: note.trim().slice(0, REPORT_TEXT_MAX),
      decidedAt: this.#deps.now().toISOString(),
      by: null,
    });
    if (decided) log.info('The origin {origin} {decision} report {reportId}', { origin: answeredBy, decision, reportId: report._id });
    return decided !== null;
  }

  /** Reports for moderators, newest first. */
  async list(actor: Actor, which: ReportList, limit = 200): Promise<ReportView[]> {
    authorize(actor, { do: 'review.list' });
    await this.#sweepIfDue();
    return this.#deps.reports.list(LIST_STATUSES[which], Math.min(Math.max(limit, 1), 500));
  }

  /** How many open reports name this listing (moderators see at a glance what is reported often). */
  openAbout(listing: string): Promise<number> {
    return this.#deps.reports.countAbout(listing, ['open']);
  }

  /** A published listing, local or received, by its global id. */
  findListing(id: string): Promise<ReportedListing | null> {
    return findReportedListing(this.#deps, id);
  }

  /** Empties reporters' texts past their retention (ADR 0031), at most once an hour per process. */
  async purgeTexts(): Promise<number> {
    const now = this.#deps.now();
    this.#lastSweep = now.getTime();
    const purged = await this.#deps.reports.purgeTexts(
      new Date(now.getTime() - TEXT_RETENTION_AFTER_CLOSE_MS).toISOString(),
      new Date(now.getTime() - TEXT_RETENTION_UNANSWERED_MS).toISOString(),
      now.toISOString(),
    );
    if (purged) log.info("Emptied {count} reporter's text(s) past their retention", { count: purged });
    return purged;
  }

  async #sweepIfDue(): Promise<void> {
    if (this.#deps.now().getTime() - this.#lastSweep >= SWEEP_EVERY_MS) await this.purgeTexts();
  }
}

function checkInput(input: ReportInput): { category: ReportCategory; text: string } {
  const errors: FieldError[] = [];
  const text = (input.text ?? '').trim();
  if (!isReportCategory(input.category)) errors.push({ field: 'category', code: 'REQUIRED', message: 'choose the reason from the list.' });
  if (text.length > REPORT_TEXT_MAX) errors.push({ field: 'text', code: 'TOO_LONG', message: 'must be at most 2,000 characters.' });
  if (input.category === 'other' && text.length < 3)
    errors.push({ field: 'text', code: 'REQUIRED', message: 'say in a few words what is wrong when the reason is "other".' });
  if (errors.length) throw new ActionError('VALIDATION_FAILED', 'The report was not sent: some fields need fixing.', { fields: errors });
  return { category: input.category as ReportCategory, text };
}

/** The origin (scheme, host, port) of an IRI, or null when it is not one. */
function originOf(iri: string): string | null {
  try {
    const url = new URL(iri);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}
