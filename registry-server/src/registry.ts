// The composition root: everything a request or a command needs, built once at boot.
import type { Config } from './config/config.ts';
import { AccountAdministration } from './accounts/account-administration.ts';
import { AccountRepository } from './accounts/account-repository.ts';
import { AccountService } from './accounts/account-service.ts';
import { AuditLog } from './accounts/audit-log-repository.ts';
import { FirstAdminSetup } from './accounts/first-admin-setup.ts';
import { SetupLinkRepository } from './accounts/setup-link-repository.ts';
import { InvitationRepository } from './accounts/invitation-repository.ts';
import { InvitationService } from './accounts/invitation-service.ts';
import { RateLimiter } from './accounts/rate-limiter.ts';
import { SessionRepository } from './accounts/session-repository.ts';
import { SessionService } from './accounts/session-service.ts';
import { TrustedDeviceRepository } from './accounts/trusted-device-repository.ts';
import { UnlockLinkRepository } from './accounts/unlock-link-repository.ts';
import { TrustedDevices } from './accounts/trusted-devices.ts';
import { UnlockLinks } from './accounts/unlock-links.ts';
import { EditorialService } from './editorial/editorial-service.ts';
import { ImportService } from './imports/import-service.ts';
import { ImportSourceRepository } from './imports/import-source-repository.ts';
import { StagedImportRepository } from './imports/staged-import-repository.ts';
import { NodeSettingsRepository } from './editorial/node-settings-repository.ts';
import { ReportRepository } from './reports/report-repository.ts';
import { ReportDesk } from './reports/report-desk.ts';
import { RevisionRepository } from './editorial/revision-repository.ts';
import { DomainEvents } from './events/domain-events.ts';
import { initiativeEditorialKind, goodPracticeEditorialKind, GOOD_PRACTICE_TEXTS, INITIATIVE_TEXTS } from './editorial/editorial-kinds.ts';
import { TranslationDesk } from './translations/translation-desk.ts';
import { TranslationRequestRepository } from './translations/translation-request-repository.ts';
import { CityNodeRepository } from './nodes/city-node-repository.ts';
import { marketEditorialKind } from './market/market-editorial-kind.ts';
import { MarketExpiry } from './market/market-expiry.ts';
import type { MarketRecord } from './market/market-record.ts';
import { MarketRecordRepository } from './market/market-record-repository.ts';
import { MarketAnswerRepository } from './market/answers/market-answer-repository.ts';
import { MarketAnswers } from './market/answers/market-answers.ts';
import { MatchedNotices } from './market/answers/matched-notices.ts';
import { PublicMarketRecords } from './market/public-market-records.ts';
import { DeclaredFacts } from './market/matching/declared-facts.ts';
import { MatchExplainer } from './market/matching/match-explanations.ts';
import { MarketMatchRepository } from './market/matching/market-match-repository.ts';
import { MarketMatching } from './market/matching/market-matching.ts';
import { MatchingReadsRepository } from './market/matching/matching-reads-repository.ts';
import { NetworkPotential } from './market/matching/network-potential.ts';
import type { AdoptionRecord } from './adoptions/adoption-record.ts';
import { AdoptionRecordRepository } from './adoptions/adoption-record-repository.ts';
import { adoptionEditorialKind, ADOPTION_TEXTS } from './adoptions/adoption-editorial-kind.ts';
import { AdoptedPractices } from './adoptions/adopted-practices.ts';
import { subscribeAdoptionNotices } from './adoptions/adoption-notices.ts';
import { CityQuestions } from './questions/city-questions.ts';
import { CityQuestionRepository } from './questions/city-question-repository.ts';
import { AdoptionSearch } from './adoptions/adoption-search.ts';
import { PracticeTransfers } from './adoptions/practice-transfers.ts';
import { NodePresence } from './nodes/node-presence.ts';
import { NodeProfileService } from './nodes/node-profile-service.ts';
import { FollowRepository } from './federation/partners/follow-repository.ts';
import { NODE_ACTOR } from './federation/federation-context.ts';
import { DataLicenceService } from './open-data/data-licence-service.ts';
import { GoodPracticeRepository } from './practices/good-practice-repository.ts';
import { InitiativeRepository } from './initiatives/initiative-repository.ts';
import { createMailer } from './mail/mailer.ts';
import { EditorNotices } from './notifications/editor-added-notices.ts';
import { NotificationRepository } from './notifications/notification-repository.ts';
import { subscribeNotices } from './notifications/notice-subscribers.ts';
import { PasswordResetRepository } from './accounts/password-reset-repository.ts';
import { PasswordResets } from './accounts/password-resets.ts';
import { RecordIris } from './records/record-iris.ts';
import { RecordValidator } from './records/record-validator.ts';
import { SearchService } from './search/search-service.ts';
import type { GoodPracticeRecord, InitiativeRecord } from './records/record-types.ts';
import { ContactRelay } from './relay/contact-relay.ts';
import { ListingRequestRepository } from './listing-requests/listing-request-repository.ts';
import { ListingRequests } from './listing-requests/listing-requests.ts';
import { MessageRepository } from './relay/message-repository.ts';
import { notifyInitiativesOfMessages } from './relay/message-notifications.ts';
import type { Store } from './store/store.ts';
import { TaxonomyCatalog } from './taxonomies/taxonomy-catalog.ts';
import { SourceCatalogue } from './sources/source-catalogue.ts';
import { MurmurationsStatus } from './murmurations/murmurations-status.ts';
import { MurmurationsRegistrationRepository } from './murmurations/murmurations-registration-repository.ts';
import { FediverseSettingsRepository } from './nodes/fediverse-settings-repository.ts';
import { FediverseSettingsService } from './nodes/fediverse-settings-service.ts';
import { DuplicateFinder } from './duplicates/duplicate-finder.ts';
import { DuplicatePairRepository } from './duplicates/duplicate-pair-repository.ts';
import { SameOrganisationLinks } from './duplicates/same-organisation-links.ts';

export interface Registry {
  config: Config;
  store: Store;
  catalog: TaxonomyCatalog;
  /** The public documents the seeds were drawn from, by file name. */
  sources: SourceCatalogue;
  validator: RecordValidator;
  iris: RecordIris;
  events: DomainEvents;
  initiatives: InitiativeRepository;
  practices: GoodPracticeRepository;
  nodes: CityNodeRepository;
  /** The admin's edits of this node's own profile. */
  nodeProfiles: NodeProfileService;
  /** The licence of the node's published data (open-data exports, ADR 0048). */
  openData: DataLicenceService;
  /** Which cities federate with this node now (their status), from the follows and received profiles. */
  nodePresence: NodePresence;
  /** How the node's actors present themselves on the fediverse (admin's choices, ADR 0051). */
  fediverseSettings: FediverseSettingsService;
  /** Follows in both directions between this node and partners (federation writes them). */
  follows: FollowRepository;
  accounts: AccountRepository;
  accountService: AccountService;
  sessions: SessionService;
  invitations: InvitationService;
  /** The admin's levers on accounts: disable, re-enable, change the role, add or remove an editor of an initiative. */
  accountAdministration: AccountAdministration;
  /** The setup link a node with no admin logs at start, to create the first admin on the web. */
  firstAdminSetup: FirstAdminSetup;
  notifications: NotificationRepository;
  limiter: RateLimiter;
  trustedDevices: TrustedDevices;
  unlockLinks: UnlockLinks;
  /** Forgotten passwords: links by e-mail (with SMTP) or made by the admin. */
  passwordResets: PasswordResets;
  audit: AuditLog;
  revisions: RevisionRepository;
  /** Reports partners sent about this node's listings, for its moderators. */
  reports: ReportRepository;
  /** The report loop: reports from the site, moderators' decisions, partners' answers (ADR 0031). */
  reportDesk: ReportDesk;
  settings: NodeSettingsRepository;
  initiativeEditorial: EditorialService<InitiativeRecord>;
  practiceEditorial: EditorialService<GoodPracticeRecord>;
  /** Requests, needs, offers and openings (issue 15, ADR 0033). */
  marketRecords: MarketRecordRepository;
  /** The market records the public sees: published, unexpired, of a public initiative. */
  publicMarketRecords: PublicMarketRecords;
  marketEditorial: EditorialService<MarketRecord>;
  /** Who a market record was sent to, who saw and answered it, and the buyer's shortlist (issue 15 point 2, ADR 0037). */
  marketAnswers: MarketAnswers;
  /** Adoption records: a city adopting another city's practice (issue 16, ADR 0040). */
  adoptionRecords: AdoptionRecordRepository;
  adoptedPractices: AdoptedPractices;
  adoptionEditorial: EditorialService<AdoptionRecord>;
  /** Search over adoption records, their own kind (built on first use; ADR 0040). */
  adoptionSearch: AdoptionSearch;
  /** Who learned from whom: transfers of practices read from adoption records (issue 16 point 2, ADR 0045). */
  practiceTransfers: PracticeTransfers;
  /** Questions between cities: "how do you do this?" and its answer (issue 16 point 3, ADR 0046). */
  cityQuestions: CityQuestions;
  /** Tells when market records expire, and moves the response cache's generation then (started by startNode). */
  marketExpiry: MarketExpiry;
  /** Matches of market records, pushed on publication (issue 15 point 2, ADR 0036). */
  marketMatching: MarketMatching;
  marketMatches: MarketMatchRepository;
  /** Eligibility and delivery areas of the initiatives that declare them, in memory (loaded by startNode). */
  declaredFacts: DeclaredFacts;
  matchExplainer: MatchExplainer;
  /** How many initiatives across the network could answer a request (issue 15 point 4). */
  networkPotential: NetworkPotential;
  relay: ContactRelay;
  /** Translations done by people: readers' requests, the translators' queue, proposals for review (ADR 0041). */
  translations: TranslationDesk;
  /** "List your initiative": requests from the public form, their review outcome and the asker's address (ADR 0029). */
  listingRequests: ListingRequests;
  /** Where the node's Murmurations profiles stand with the index, for admins (ADR 0050). */
  murmurations: MurmurationsStatus;
  /** Search over local and received listings; its index is built by startNode (search.rebuild). */
  search: SearchService;
  /** Imports of initiatives from a city's own list, an export or a Murmurations profile (issue 17 point 1, ADR 0047). */
  imports: ImportService;
  /** Links between listings of one organisation on two nodes, confirmed by moderators or partners (issue 17 point 8, ADR 0052). */
  sameOrganisation: SameOrganisationLinks;
  /** Proposes likely duplicates when a listing is published or received. */
  duplicateFinder: DuplicateFinder;
  /** Injected clock, so tests control timestamps. */
  now: () => Date;
}

export async function createRegistry(
  config: Config,
  store: Store,
  options: { now?: () => Date; catalog?: TaxonomyCatalog; sources?: SourceCatalogue } = {},
): Promise<Registry> {
  const now = options.now ?? (() => new Date());
  const catalog = options.catalog ?? TaxonomyCatalog.load();
  const validator = new RecordValidator(catalog);
  const events = new DomainEvents();
  const initiatives = new InitiativeRepository(store);
  const practices = new GoodPracticeRepository(store);
  const accounts = new AccountRepository(store);
  const sessions = new SessionService(new SessionRepository(store), accounts, now);
  const limiter = new RateLimiter(store, () => now().getTime());
  const audit = new AuditLog(store, now);
  const revisions = new RevisionRepository(store);
  const settings = new NodeSettingsRepository(store);
  const trustedDevices = new TrustedDevices(new TrustedDeviceRepository(store), now);
  const unlockLinks = new UnlockLinks(new UnlockLinkRepository(store), now);
  const sendMail = createMailer(config.smtpUrl, config.mailFrom);
  const accountService = new AccountService({
    accounts,
    sessions,
    limiter,
    trustedDevices,
    unlockLinks,
    now,
    ...(sendMail ? { unlockMail: { publicUrl: config.publicUrl, sendMail } } : {}),
  });
  const notifications = new NotificationRepository(store);
  const initiativeName = async (handle: string) => {
    const initiative = await initiatives.findById(handle);
    return initiative?.record.name[initiative.record.originalLanguage] ?? handle;
  };
  const nodes = new CityNodeRepository(store);
  const nodeLanguage = async () => (await nodes.findById(config.nodeHandle))?.record.defaultLanguages[0] ?? null;
  subscribeNotices({
    events,
    accounts,
    notifications,
    initiativeName,
    nodeLanguage,
    publicUrl: config.publicUrl,
    now,
    ...(sendMail ? { sendMail } : {}),
  });
  const passwordResets = new PasswordResets({
    links: new PasswordResetRepository(store),
    accounts,
    sessions,
    limiter,
    audit,
    publicUrl: config.publicUrl,
    now,
    nodeLanguage,
    ...(sendMail ? { sendMail } : {}),
  });
  const editorNotices = new EditorNotices({
    accounts,
    notifications,
    publicUrl: config.publicUrl,
    now,
    ...(sendMail ? { sendMail } : {}),
    initiativeName,
    nodeLanguage,
  });
  const invitations = new InvitationService({
    invitations: new InvitationRepository(store),
    accounts: accountService,
    accountRepository: accounts,
    audit,
    publicUrl: config.publicUrl,
    now,
    limiter,
    initiativeExists: (handle) => initiatives.localUndeletedExists(handle),
    announceEditor: (input) => editorNotices.editorAdded(input),
    accepted: (invitationId) => events.emit({ type: 'invitation.accepted', invitationId }),
    ...(sendMail ? { sendMail } : {}),
  });
  const editorialDeps = { validator, revisions, settings, audit, events, nodeHandle: config.nodeHandle, now };
  const follows = new FollowRepository(store);
  const initiativeEditorial = new EditorialService(initiativeEditorialKind(initiatives, practices, accounts, now, catalog), editorialDeps);
  const listingRequests = new ListingRequests({
    requests: new ListingRequestRepository(store),
    editorial: initiativeEditorial,
    invitations,
    limiter,
    events,
    now,
    ...(sendMail ? { sendMail } : {}),
  });
  // The asker's address is forgotten once their invitation made an account.
  events.subscribe((event) => (event.type === 'invitation.accepted' ? listingRequests.invitationUsed(event.invitationId) : undefined));
  const reports = new ReportRepository(store);
  const importSources = new ImportSourceRepository(store);
  const iris = new RecordIris(config.publicUrl);
  const marketRecords = new MarketRecordRepository(store);
  const marketMatches = new MarketMatchRepository(store);
  const duplicatePairs = new DuplicatePairRepository(store);
  const sameOrganisation = new SameOrganisationLinks({ pairs: duplicatePairs, initiatives, iris, events, audit, now });
  events.subscribe((event) => (event.type === 'listing.removed' ? sameOrganisation.listingsRemoved(event.ids) : undefined));
  const search = new SearchService({ initiatives, practices, nodes, catalog, events, links: sameOrganisation, iris });
  const matchingReads = new MatchingReadsRepository(store);
  const declaredFacts = new DeclaredFacts({ initiatives, reads: matchingReads, events });
  const marketMatching = new MarketMatching({
    records: marketRecords,
    matches: marketMatches,
    reads: matchingReads,
    initiatives,
    nodes,
    search,
    declared: declaredFacts,
    catalog,
    events,
    iris,
    nodeHandle: config.nodeHandle,
    now,
  });
  const publicMarketRecords = new PublicMarketRecords({ records: marketRecords, initiatives, now });
  const marketAnswers = new MarketAnswers({
    answers: new MarketAnswerRepository(store),
    records: marketRecords,
    publicRecords: publicMarketRecords,
    initiatives,
    revisions,
    iris,
    events,
    notices: new MatchedNotices({
      accounts,
      notifications,
      nodeLanguage,
      publicUrl: config.publicUrl,
      now,
      ...(sendMail ? { sendMail } : {}),
    }),
    publicUrl: config.publicUrl,
    now,
  });
  marketAnswers.subscribe();
  const practiceEditorial = new EditorialService(goodPracticeEditorialKind(practices, initiatives), editorialDeps);
  const adoptionRecords = new AdoptionRecordRepository(store);
  const adoptedPractices = new AdoptedPractices(practices, iris);
  const adoptionEditorial = new EditorialService(adoptionEditorialKind(adoptionRecords, adoptedPractices), editorialDeps);
  const translations = new TranslationDesk(
    [
      {
        name: 'initiative',
        texts: INITIATIVE_TEXTS,
        repository: initiatives as never,
        editorial: initiativeEditorial as never,
        title: (r) => (r as unknown as InitiativeRecord).name,
      },
      {
        name: 'goodPractice',
        texts: GOOD_PRACTICE_TEXTS,
        repository: practices as never,
        editorial: practiceEditorial as never,
        title: (r) => (r as unknown as GoodPracticeRecord).title,
      },
      {
        name: 'adoptionRecord',
        texts: ADOPTION_TEXTS,
        repository: adoptionRecords as never,
        editorial: adoptionEditorial as never,
        title: (r) => (r as unknown as AdoptionRecord).title,
      },
    ],
    new TranslationRequestRepository(store),
    limiter,
    now,
  );
  const registry: Registry = {
    config,
    store,
    catalog,
    sources: options.sources ?? SourceCatalogue.load(),
    validator,
    iris,
    events,
    initiatives,
    practices,
    nodes,
    nodeProfiles: new NodeProfileService({
      nodes,
      validator,
      settings,
      events,
      audit,
      nodeHandle: config.nodeHandle,
      isAccountEmail: async (email) => (await accounts.findByEmail(email)) !== null,
      now,
    }),
    openData: new DataLicenceService({ nodes, events, audit, nodeHandle: config.nodeHandle, now }),
    nodePresence: new NodePresence({ follows, nodes, nodeHandle: config.nodeHandle, nodeActor: NODE_ACTOR, now }),
    fediverseSettings: new FediverseSettingsService({ repository: new FediverseSettingsRepository(store), practices, audit, now }),
    follows,
    accounts,
    accountService,
    sessions,
    invitations,
    accountAdministration: new AccountAdministration({
      accounts,
      sessions,
      invitations,
      audit,
      now,
      initiativeExists: (handle) => initiatives.localUndeletedExists(handle),
      announceEditor: (input) => editorNotices.editorAdded(input),
    }),
    firstAdminSetup: new FirstAdminSetup({
      links: new SetupLinkRepository(store),
      accounts,
      accountService,
      audit,
      publicUrl: config.publicUrl,
      now,
    }),
    notifications,
    limiter,
    trustedDevices,
    unlockLinks,
    passwordResets,
    audit,
    revisions,
    reports,
    reportDesk: new ReportDesk({ reports, initiatives, practices, limiter, events, audit, iris, now }),
    settings,
    initiativeEditorial,
    practiceEditorial,
    marketRecords,
    publicMarketRecords,
    marketEditorial: new EditorialService(marketEditorialKind(marketRecords, initiatives, now), editorialDeps),
    marketAnswers,
    marketExpiry: new MarketExpiry({ records: marketRecords, events, now }),
    adoptionRecords,
    adoptedPractices,
    adoptionEditorial,
    adoptionSearch: new AdoptionSearch({ records: adoptionRecords, practices: adoptedPractices, catalog, events }),
    practiceTransfers: new PracticeTransfers({ records: adoptionRecords, practices, iris }),
    relay: new ContactRelay(new MessageRepository(store), initiatives, limiter, events, now),
    translations,
    listingRequests,
    search,
    murmurations: new MurmurationsStatus(new MurmurationsRegistrationRepository(store), config.murmurationsIndexUrl),
    imports: new ImportService({
      staged: new StagedImportRepository(store),
      sources: importSources,
      initiatives,
      editorial: initiativeEditorial,
      validator,
      catalog,
      nodeHandle: config.nodeHandle,
      nodeLanguage,
      allowPrivateAddresses: config.allowPrivateAddresses,
      userAgent: `umn-registry/0.1 (+${config.publicUrl.href})`,
      now,
    }),
    sameOrganisation,
    duplicateFinder: new DuplicateFinder({ initiatives, pairs: duplicatePairs, search, events, now }),
    marketMatches,
    declaredFacts,
    marketMatching,
    matchExplainer: new MatchExplainer(catalog),
    networkPotential: new NetworkPotential({ search, declared: declaredFacts, catalog, placeOf: (area) => marketMatching.placeOf(area) }),
    now,
    cityQuestions: new CityQuestions({
      questions: new CityQuestionRepository(store),
      practices,
      iris,
      catalog,
      events,
      accounts,
      notifications,
      isPartner: async (actor) => (await follows.acceptedPartner(actor)) !== null,
      publicUrl: config.publicUrl,
      nodeHandle: config.nodeHandle,
      now,
    }),
  };
  subscribeAdoptionNotices({ events, accounts, notifications, records: adoptionRecords, practices: adoptedPractices, iris, now });
  if (config.smtpUrl)
    notifyInitiativesOfMessages({ events, initiatives, publicUrl: config.publicUrl }, createMailer(config.smtpUrl, config.mailFrom)!);
  await initiatives.ensureIndexes();
  await importSources.ensureIndexes();
  await practices.ensureIndexes();
  await marketRecords.ensureIndexes();
  await marketAnswers.ensureIndexes();
  await adoptionRecords.ensureIndexes();
  await registry.cityQuestions.ensureIndexes();
  await registry.nodes.ensureIndexes();
  await accounts.ensureIndexes();
  await sessions.ensureIndexes();
  await notifications.ensureIndexes();
  await limiter.ensureIndexes();
  await trustedDevices.ensureIndexes();
  await unlockLinks.ensureIndexes();
  await passwordResets.ensureIndexes();
  await revisions.ensureIndexes();
  await registry.relay.ensureIndexes();
  await listingRequests.ensureIndexes();
  await registry.reportDesk.ensureIndexes();
  await translations.ensureIndexes();
  await sameOrganisation.ensureIndexes();
  return registry;
}
