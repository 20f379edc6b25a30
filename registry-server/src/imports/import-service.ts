// Importing initiatives from a city's own list (issue 17 point 1, ADR 0047): an admin uploads a
// CSV or XLSX file (or names its URL, a JSON-LD export or a Murmurations profile), checks the
// proposed column mapping, reads the dry run, then imports as drafts or published. Records are
// written by the editorial service, as by the form: validated, kept as revisions, audited, and
// published by the moderators' approve step, whose domain events update search and federation.
import { createHash, randomUUID } from 'node:crypto';
import { authorize, requireSignedIn } from '../accounts/authorization.ts';
import { ActionError } from '../accounts/action-error.ts';
import type { Actor } from '../accounts/actor.ts';
import type { EditorialService, RecordChanges } from '../editorial/editorial-service.ts';
import type { InitiativeRepository, StoredInitiative } from '../initiatives/initiative-repository.ts';
import type { InitiativeRecord } from '../records/record-types.ts';
import type { RecordValidator } from '../records/record-validator.ts';
import { isLanguageTag } from '../records/language.ts';
import type { TaxonomyCatalog } from '../taxonomies/taxonomy-catalog.ts';
import { logger } from '../config/logging.ts';
import {
  IMPORT_FIELDS,
  TEXT_FIELDS,
  mappingProblems,
  normaliseHeader,
  proposeMapping,
  type ColumnChoice,
  type ImportField,
} from './column-mapping.ts';
import { DuplicateIndex } from './duplicate-finder.ts';
import { sourceRefused } from './import-errors.ts';
import { planRows, type CandidateRow, type PlannedRow, type RowProblem } from './import-planner.ts';
import type { ImportSourceRepository } from './import-source-repository.ts';
import { isJsonLdExport, readJsonLdExport } from './jsonld-export-source.ts';
import { isMurmurationsProfile, murmurationsTable } from './murmurations-source.ts';
import { rowRecord } from './row-record.ts';
import { fetchSource } from './source-fetch.ts';
import type { StagedContent, StagedImport, StagedImportRepository } from './staged-import-repository.ts';
import { readTable, TABLE_LIMITS, tableFormatOf, type ImportTable } from './table-reader.ts';

const log = logger('imports');

/** Rows written between two pauses, so an import of a thousand rows never holds the process. */
const BATCH_SIZE = 50;
/** How long one run call writes before it leaves the rest for the next call (site requests have a 15 s deadline). */
const RUN_BUDGET_MS = 8_000;
/** How long a started import stays available. */
const STAGED_FOR_MS = 24 * 60 * 60 * 1000;
/** Largest base64 piece of one upload request (GraphQL bodies are capped at 100 KB, create-app.ts). */
export const MAX_CHUNK_CHARS = 64 * 1024;

export interface ImportServiceDependencies {
  staged: StagedImportRepository;
  sources: ImportSourceRepository;
  initiatives: InitiativeRepository;
  editorial: EditorialService<InitiativeRecord>;
  validator: RecordValidator;
  catalog: TaxonomyCatalog;
  nodeHandle: string;
  /** The node's first language, for texts whose language no column names. */
  nodeLanguage: () => Promise<string | null>;
  allowPrivateAddresses: boolean;
  userAgent: string;
  now: () => Date;
}

export interface ImportSettings {
  /** The admin's choice per column; absent: the one remembered for the source, else the proposal. */
  mapping?: readonly ColumnChoice[] | null;
  /** Language of texts whose column names none, and original language of records that do not say. */
  language?: string | null;
  /** Values for fields the source leaves empty (a legal form, a sector, a country for the whole file). */
  defaults?: ReadonlyArray<{ field: ImportField; value: string }> | null;
}

export interface StagedView {
  id: string;
  label: string;
  format: StagedImport['format'];
  ready: boolean;
  receivedBytes: number;
  headers: string[];
  rowCount: number;
  /** The first rows, as read. */
  sample: string[][];
  mapping: ColumnChoice[];
  /** Whether `mapping` is the one remembered for this source (else it is the proposal from the headers). */
  mappingRemembered: boolean;
  language: string;
}

export interface ImportReport {
  rows: PlannedRow[];
  counts: Record<PlannedRow['outcome'], number>;
}

export class ImportService {
  readonly #deps: ImportServiceDependencies;

  constructor(deps: ImportServiceDependencies) {
    this.#deps = deps;
  }

  /** Starts an upload; the file then arrives in pieces (appendUpload). */
  async startUpload(actor: Actor, fileName: string): Promise<StagedView> {
    const accountId = this.#authorize(actor);
    await this.#deps.staged.deleteOlderThan(new Date(this.#deps.now().getTime() - STAGED_FOR_MS).toISOString());
    const staged: StagedImport = {
      id: randomUUID(),
      createdBy: accountId,
      createdAt: this.#deps.now().toISOString(),
      source: '',
      label: fileName.trim().slice(0, 200) || 'file',
      format: 'csv',
      content: null,
      chunks: [],
      receivedBytes: 0,
    };
    await this.#deps.staged.create(staged);
    return this.#view(staged);
  }

  /** One piece of the file (base64); with `last`, the file is read and the import can be mapped. */
  async appendUpload(actor: Actor, id: string, chunk: string, last: boolean): Promise<StagedView> {
    const staged = await this.#own(actor, id);
    if (staged.content)
      throw new ActionError('INVALID_STATE', 'This file was uploaded in full already; start a new import to send another.');
    if (chunk.length > MAX_CHUNK_CHARS || !/^[A-Za-z0-9+/]*={0,2}$/.test(chunk))
      throw sourceRefused(`Send the file in base64 pieces of at most ${MAX_CHUNK_CHARS} characters.`, 'chunk');
    const bytes = Buffer.byteLength(chunk, 'base64');
    if (staged.receivedBytes + bytes > TABLE_LIMITS.maxBytes)
      throw sourceRefused(
        `The file is larger than ${TABLE_LIMITS.maxBytes / 1024 / 1024} MB, the most one import takes. Split it into several files.`,
        'file',
      );
    if (chunk) await this.#deps.staged.appendChunk(id, chunk, bytes);
    if (!last) return this.#view({ ...staged, receivedBytes: staged.receivedBytes + bytes });
    const whole = Buffer.concat([...staged.chunks, chunk].map((c) => Buffer.from(c, 'base64')));
    const read = await this.#read(whole, null);
    await this.#deps.staged.setContent(id, read.content, read.source, read.format);
    return this.#view({ ...staged, ...read, chunks: [], receivedBytes: whole.byteLength });
  }

  /** Fetches a source by URL (a CSV or XLSX file, a JSON-LD export, a Murmurations profile) and stages it. */
  async stageUrl(actor: Actor, url: string): Promise<StagedView> {
    const accountId = this.#authorize(actor);
    const fetched = await fetchSource(url, { allowPrivateAddresses: this.#deps.allowPrivateAddresses, userAgent: this.#deps.userAgent });
    const read = await this.#read(Buffer.from(fetched.bytes), fetched.url);
    const staged: StagedImport = {
      id: randomUUID(),
      createdBy: accountId,
      createdAt: this.#deps.now().toISOString(),
      label: fetched.url,
      chunks: [],
      receivedBytes: fetched.bytes.byteLength,
      ...read,
    };
    await this.#deps.staged.create(staged);
    return this.#view(staged);
  }

  async staged(actor: Actor, id: string): Promise<StagedView> {
    return this.#view(await this.#own(actor, id));
  }

  /** The dry run: nothing is written but the mapping, remembered for the source. */
  async preview(actor: Actor, id: string, settings: ImportSettings): Promise<ImportReport> {
    const staged = await this.#ready(actor, id);
    return report(await this.#plan(staged, settings));
  }

  /**
   * Imports the staged rows as the dry run shows them, as drafts or published. Rows flagged as
   * possible duplicates of listings already in the registry are left out unless `importDuplicates`.
   * One call writes for about `budgetMs` (requests have a deadline, outgoing-limits.ts): rows it
   * had no time for are `pending`, and calling again continues, since rows already imported are
   * recognised by their keys and left unchanged.
   */
  async run(
    actor: Actor,
    id: string,
    settings: ImportSettings,
    options: { publish: boolean; importDuplicates: boolean; budgetMs?: number },
  ): Promise<ImportReport> {
    const staged = await this.#ready(actor, id);
    const planned = await this.#plan(staged, settings);
    // Wall time, not the injected clock: the budget is about how long a request waits.
    const until = performance.now() + (options.budgetMs ?? RUN_BUDGET_MS);
    const done: PlannedRow[] = [];
    for (let start = 0; start < planned.length; start += BATCH_SIZE) {
      const batch = planned.slice(start, start + BATCH_SIZE);
      if (start > 0 && performance.now() > until) {
        done.push(...planned.slice(start).map((row): PlannedRow => ({ ...row, outcome: 'pending' })));
        break;
      }
      for (const row of batch) done.push(await this.#write(actor, staged.source, row, options));
      // Lets requests in between: a large import never holds the node for long.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = report(done);
    log.info(
      'Import of {label}: {created} created, {updated} updated, {unchanged} unchanged, {refused} refused, {pending} left for the next call',
      {
        pending: result.counts.pending,
        label: staged.label,
        created: result.counts.create,
        updated: result.counts.update,
        unchanged: result.counts.unchanged,
        refused: result.counts.refuse,
      },
    );
    return result;
  }

  async #write(
    actor: Actor,
    source: string,
    row: PlannedRow,
    options: { publish: boolean; importDuplicates: boolean },
  ): Promise<PlannedRow> {
    if (row.outcome === 'refuse' || row.outcome === 'pending' || !row.record) return row;
    if (row.outcome === 'create' && row.duplicates.length && !options.importDuplicates)
      return {
        ...row,
        outcome: 'refuse',
        problems: [
          {
            field: '',
            code: 'POSSIBLE_DUPLICATE',
            message: `may be ${row.duplicates.map((d) => `"${d.name}"`).join(', ')} already in the registry; not imported. Tick "import possible duplicates too" if it is another organisation.`,
          },
        ],
      };
    const { editorial } = this.#deps;
    try {
      let doc: StoredInitiative;
      if (row.outcome === 'create') {
        doc = (await editorial.create(actor, row.record as RecordChanges<InitiativeRecord>)) as StoredInitiative;
      } else {
        doc = row.existing!;
        if (row.outcome === 'update') {
          const changes = Object.fromEntries(
            row.changedFields.map((f) => [f, (row.record as unknown as Record<string, unknown>)[f] ?? null]),
          ) as RecordChanges<InitiativeRecord>;
          doc = (await editorial.update(actor, doc._id, doc.version, changes)) as StoredInitiative;
        }
      }
      // Published through the moderators' approve step: the domain event it emits updates the
      // search index and tells partners, as for any listing a moderator publishes.
      if (options.publish && !doc.pending && doc.publication.state !== 'published')
        doc = (await editorial.approve(actor, doc._id, doc.version)) as StoredInitiative;
      if (row.key !== null) await this.#deps.sources.rememberRecord(source, row.key, doc._id, this.#deps.now().toISOString());
      return { ...row, existing: doc };
    } catch (error) {
      if (!(error instanceof ActionError)) throw error;
      const problems: RowProblem[] = error.fields.length
        ? error.fields.map((f) => ({ ...f }))
        : [{ field: '', code: error.code, message: error.message }];
      return { ...row, outcome: 'refuse', problems };
    }
  }

  async #plan(staged: StagedImport & { content: StagedContent }, settings: ImportSettings): Promise<PlannedRow[]> {
    const language = await this.#language(settings.language);
    const candidates =
      staged.content.kind === 'records'
        ? staged.content.records.map((r, i): CandidateRow => ({
            row: i + 1,
            fields: r.record ?? {},
            key: r.key,
            errors: r.errors,
            columns: {},
            label: r.label,
          }))
        : await this.#tableCandidates(staged, staged.content.table, settings, language);
    const [known, existingDocs, duplicates] = await Promise.all([
      this.#deps.sources.recordsOf(staged.source),
      this.#deps.initiatives.listLocalUndeleted(100_000),
      this.#duplicateIndex(),
    ]);
    const existing = new Map(existingDocs.map((d) => [d._id, d]));
    return planRows(candidates, {
      validator: this.#deps.validator,
      nodeHandle: this.#deps.nodeHandle,
      language,
      known,
      existing,
      duplicates,
    });
  }

  async #tableCandidates(staged: StagedImport, table: ImportTable, settings: ImportSettings, language: string): Promise<CandidateRow[]> {
    const mapping = settings.mapping ?? (await this.#mappingFor(staged.source, table.headers)).mapping;
    const problems = mappingProblems(mapping, table.headers.length);
    const defaults = settings.defaults ?? [];
    defaults.forEach((d, i) => {
      if (!(IMPORT_FIELDS as readonly string[]).includes(d.field))
        problems.push({ field: `defaults.${i}`, code: 'UNKNOWN_FIELD', message: `${d.field} is not a field an import fills.` });
      else if (defaults.findIndex((other) => other.field === d.field) !== i)
        problems.push({ field: `defaults.${i}`, code: 'CHOSEN_TWICE', message: `${d.field} is given twice; give each field one value.` });
      // A name, a text, a key or a handle is each initiative's own: never one value for every row.
      else if (TEXT_FIELDS.has(d.field) || d.field === 'key' || d.field === 'handle')
        problems.push({
          field: `defaults.${i}`,
          code: 'NOT_SHARED',
          message: `${d.field} is each initiative's own; it cannot be one value for every row.`,
        });
    });
    if (problems.length)
      throw new ActionError('VALIDATION_FAILED', `The column mapping needs fixing: ${problems.map((p) => p.message).join(' ')}`, {
        fields: problems,
      });
    await this.#deps.sources.rememberMapping(staged.source, {
      headers: table.headers,
      mapping: [...mapping],
      language,
      updatedAt: this.#deps.now().toISOString(),
    });
    // A value for the whole file fills the field's own column where a row leaves it empty, or,
    // when no column fills that field, is one more column.
    const given = defaults.filter((d) => d.value.trim() !== '');
    const ownColumn = new Map(given.map((d) => [d.field, mapping.find((c) => c.field === d.field && !c.language)?.column]));
    const added = given.filter((d) => ownColumn.get(d.field) === undefined);
    const headers = [...table.headers, ...added.map((d) => `${d.field} (every row)`)];
    const fullMapping: ColumnChoice[] = [...mapping, ...added.map((d, i) => ({ column: table.headers.length + i, field: d.field }))];
    return table.rows.map((cells, i) => {
      const filled = [...cells, ...added.map((d) => d.value.trim())];
      for (const d of given) {
        const column = ownColumn.get(d.field);
        if (column !== undefined && !(filled[column] ?? '').trim()) filled[column] = d.value.trim();
      }
      return { row: i + 1, ...rowRecord(headers, filled, fullMapping, { language, catalog: this.#deps.catalog }) };
    });
  }

  async #duplicateIndex(): Promise<DuplicateIndex> {
    const index = new DuplicateIndex();
    for await (const batch of this.#deps.initiatives.publishedBatches(500)) for (const doc of batch) index.add(doc._id, doc.record);
    for (const doc of await this.#deps.initiatives.listLocalUndeleted(100_000))
      if (doc.publication.state !== 'published') index.add(doc._id, doc.record);
    return index;
  }

  async #read(
    bytes: Buffer,
    url: string | null,
  ): Promise<Pick<StagedImport, 'content' | 'source' | 'format'> & { content: StagedContent }> {
    const text =
      tableFormatOf(bytes) === 'csv'
        ? bytes
            .toString('utf8')
            .replace(/^\uFEFF/, '')
            .trimStart()
        : '';
    if (text.startsWith('{')) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw sourceRefused(`The JSON document could not be read (${(error as Error).message}).`);
      }
      if (isMurmurationsProfile(json)) {
        if (!url) throw sourceRefused('Give a Murmurations profile by its URL: the URL is how the import recognises it next time.', 'url');
        return { content: { kind: 'table', table: murmurationsTable(json, url) }, source: url, format: 'murmurations' };
      }
      if (isJsonLdExport(json)) {
        const records = readJsonLdExport(json, { catalog: this.#deps.catalog, nodeHandle: this.#deps.nodeHandle });
        // Objects are keyed by their IRIs, unique everywhere: one source for every export file.
        return { content: { kind: 'records', records }, source: url ?? 'jsonld-export', format: 'jsonld' };
      }
      throw sourceRefused(
        'This JSON is neither a JSON-LD export of initiatives (with @context and @graph) nor a Murmurations organization profile.',
      );
    }
    const table = await readTable(bytes);
    // A file is recognised by its headers (the same sheet exported again); a URL by itself.
    const signature = createHash('sha256').update(table.headers.map(normaliseHeader).join('\n')).digest('hex').slice(0, 32);
    return { content: { kind: 'table', table }, source: url ?? `file:${signature}`, format: tableFormatOf(bytes) };
  }

  async #mappingFor(
    source: string,
    headers: readonly string[],
  ): Promise<{ mapping: ColumnChoice[]; remembered: boolean; language?: string }> {
    const remembered = await this.#deps.sources.mappingOf(source);
    if (remembered && remembered.headers.join('\n') === headers.join('\n'))
      return { mapping: remembered.mapping, remembered: true, language: remembered.language };
    return { mapping: proposeMapping(headers), remembered: false };
  }

  async #view(staged: StagedImport): Promise<StagedView> {
    const content = staged.content;
    const base = {
      id: staged.id,
      label: staged.label,
      format: staged.format,
      ready: content !== null,
      receivedBytes: staged.receivedBytes,
    };
    if (!content || content.kind === 'records')
      return {
        ...base,
        headers: [],
        rowCount: content?.records.length ?? 0,
        sample: [],
        mapping: [],
        mappingRemembered: false,
        language: await this.#language(null),
      };
    const found = await this.#mappingFor(staged.source, content.table.headers);
    return {
      ...base,
      headers: content.table.headers,
      rowCount: content.table.rows.length,
      sample: content.table.rows.slice(0, 3),
      mapping: found.mapping,
      mappingRemembered: found.remembered,
      language: found.language ?? (await this.#language(null)),
    };
  }

  async #language(asked: string | null | undefined): Promise<string> {
    if (asked) {
      if (!isLanguageTag(asked))
        throw new ActionError(
          'VALIDATION_FAILED',
          `"${asked}" is not a language tag; choose the language the texts are written in (fr, en, ar …).`,
          {
            fields: [{ field: 'language', code: 'INVALID_LANGUAGE_TAG', message: 'is not a language tag (fr, en, ar …).' }],
          },
        );
      return asked;
    }
    return (await this.#deps.nodeLanguage()) ?? 'en';
  }

  #authorize(actor: Actor): string {
    requireSignedIn(actor);
    authorize(actor, { do: 'import.run' });
    return actor.accountId;
  }

  /** A staged import of this admin; another's, or one expired, is answered alike: not found. */
  async #own(actor: Actor, id: string): Promise<StagedImport> {
    const accountId = this.#authorize(actor);
    const staged = await this.#deps.staged.find(id);
    if (!staged || staged.createdBy !== accountId)
      throw new ActionError(
        'NOT_FOUND',
        'No import in progress with this id (imports expire after a day). Upload the file or give its URL again.',
      );
    return staged;
  }

  async #ready(actor: Actor, id: string): Promise<StagedImport & { content: StagedContent }> {
    const staged = await this.#own(actor, id);
    if (!staged.content) throw new ActionError('INVALID_STATE', 'The file has not arrived in full yet; send its last piece first.');
    return staged as StagedImport & { content: StagedContent };
  }
}

function report(rows: PlannedRow[]): ImportReport {
  const counts = { create: 0, update: 0, unchanged: 0, refuse: 0, pending: 0 };
  for (const row of rows) counts[row.outcome]++;
  return { rows, counts };
}
