// The form actions of the import pages (routes/admin/import): staging an uploaded file (sent to
// the registry in base64 pieces, since its GraphQL requests are small; ADR 0047) or a URL, and
// the dry run and the run with the admin's mapping. Plain form posts: they work without scripts.
import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { runMutation, type Refused } from './edit-action.ts';
import { APPEND_IMPORT_UPLOAD, PREVIEW_IMPORT, RUN_IMPORT, STAGE_IMPORT_URL, START_IMPORT_UPLOAD } from './import-queries.ts';
import { textField, type ApiError, type Problems } from '../../forms/manage/form-problems.ts';
import type {
  ImportField,
  ImportSettingsInput,
  PreviewImportMutation,
  StageImportUrlMutation,
  StartImportUploadMutation,
} from '../../generated/operation-types.ts';

/** Raw bytes per piece: 48 KB is 65,536 base64 characters, the most one request takes. */
const PIECE_BYTES = 48 * 1024;

/** The fields an admin may give one value for, for every row (the form's inputs, in order). */
export const DEFAULT_FIELDS = ['LEGAL_FORM', 'PRIMARY_SECTOR', 'COUNTRY', 'LOCALITY'] as const satisfies readonly ImportField[];

export type ImportReport = NonNullable<PreviewImportMutation['result']['report']>;

type StagedResult = { staged: { id: string } | null; error: ApiError | null };

/** Stages the uploaded file, or else the URL, then opens the mapping step. */
export async function stageSource(event: RequestEvent) {
  const form = await event.request.formData();
  const file = form.get('file');
  const url = textField(form, 'url');
  const hasFile = file instanceof File && file.size > 0;
  if (!hasFile && url === '')
    return fail(400, { problems: { fields: { file: { key: 'impErrorNoSource' } }, general: [] } satisfies Problems, posted: url });
  let staged: StagedResult;
  if (hasFile) {
    const started = await runMutation<StartImportUploadMutation['result'], string>(
      event,
      form,
      START_IMPORT_UPLOAD,
      { fileName: file.name },
      {
        fieldIds: { file: 'file', source: 'file' },
        posted: url,
      },
    );
    if (!started.ok) return started.failure;
    const id = started.result.staged!.id;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let last: { ok: true; result: StagedResult } | { ok: false; failure: ActionFailure<Refused<string>> } = started;
    for (let offset = 0; offset === 0 || offset < bytes.byteLength; offset += PIECE_BYTES) {
      const chunk = Buffer.from(bytes.subarray(offset, offset + PIECE_BYTES)).toString('base64');
      const isLast = offset + PIECE_BYTES >= bytes.byteLength;
      last = await runMutation<StagedResult, string>(
        event,
        form,
        APPEND_IMPORT_UPLOAD,
        { id, chunk, last: isLast },
        {
          fieldIds: { file: 'file', source: 'file', chunk: 'file' },
          posted: url,
        },
      );
      if (!last.ok || isLast) break;
    }
    if (!last.ok) return last.failure;
    staged = last.result;
  } else {
    const outcome = await runMutation<StageImportUrlMutation['result'], string>(
      event,
      form,
      STAGE_IMPORT_URL,
      { url },
      {
        fieldIds: { url: 'url', source: 'url' },
        posted: url,
      },
    );
    if (!outcome.ok) return outcome.failure;
    staged = outcome.result;
  }
  redirect(303, `/admin/import/${encodeURIComponent(staged.staged!.id)}`);
}

/** The settings the mapping form posts: a field and a language per column, the import's language, values for every row. */
export function settingsFromForm(form: FormData, columns: number): ImportSettingsInput {
  const mapping = Array.from({ length: columns }, (_, column) => {
    const field = textField(form, `field-${column}`);
    const language = textField(form, `lang-${column}`);
    return { column, field: field ? (field as ImportField) : null, ...(language ? { language } : {}) };
  });
  const defaults = DEFAULT_FIELDS.map((field) => ({ field, value: textField(form, `default-${field}`) })).filter((d) => d.value !== '');
  const language = textField(form, 'language');
  return { mapping, defaults, ...(language ? { language } : {}) };
}

/** Where the registry's field paths go on the mapping form. */
function mappingFieldIds(settings: ImportSettingsInput): Record<string, string> {
  const ids: Record<string, string> = { language: 'language' };
  (settings.mapping ?? []).forEach((c) => (ids[`mapping.${c.column}`] = `field-${c.column}`));
  (settings.defaults ?? []).forEach((d, i) => (ids[`defaults.${i}`] = `default-${d.field}`));
  return ids;
}

/** The dry run, or the run (`run`), with the posted mapping. */
export async function importStep(event: RequestEvent, run: boolean) {
  const form = await event.request.formData();
  const id = event.params.id ?? '';
  const columns = Number(textField(form, 'columns')) || 0;
  const settings = settingsFromForm(form, Math.min(columns, 200));
  const posted = {
    defaults: Object.fromEntries((settings.defaults ?? []).map((d) => [d.field, d.value])),
    language: settings.language ?? '',
  };
  const publish = textField(form, 'publish') === 'published';
  const importDuplicates = textField(form, 'importDuplicates') === 'yes';
  const send = () =>
    runMutation<{ report: ImportReport | null; error: ApiError | null }, typeof posted>(
      event,
      form,
      run ? RUN_IMPORT : PREVIEW_IMPORT,
      run ? { id, settings, publish, importDuplicates } : { id, settings },
      { fieldIds: mappingFieldIds(settings), posted },
    );
  let outcome = await send();
  if (!outcome.ok) return outcome.failure;
  let report = outcome.result.report!;
  // A run writes for a few seconds per call (its request has a deadline); the rest comes back
  // PENDING and the next call continues. Each row keeps the outcome of the call that wrote it.
  for (let calls = 1; run && report.counts.pending > 0 && calls < MAX_RUN_CALLS; calls++) {
    outcome = await send();
    if (!outcome.ok) return outcome.failure;
    report = mergedReports(report, outcome.result.report!);
  }
  return { report, ran: run, published: run && publish, posted };
}

/** At most this many calls for one import (5,000 rows at a few hundred rows per call). */
const MAX_RUN_CALLS = 60;

function mergedReports(before: ImportReport, after: ImportReport): ImportReport {
  const rows = before.rows.map((row) => (row.outcome === 'PENDING' ? (after.rows.find((r) => r.row === row.row) ?? row) : row));
  const counts = { create: 0, update: 0, unchanged: 0, refuse: 0, pending: 0 };
  for (const row of rows) counts[row.outcome.toLowerCase() as keyof typeof counts]++;
  return { counts, rows };
}
