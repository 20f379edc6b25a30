// Imports (schemas/graphql/imports.graphql): thin resolvers over the import service, which
// authorises (admins only), reads, plans and writes. Field names cross as enum values
// (PRIMARY_SECTOR ⇄ primarySector).
import type { ColumnChoice, ImportField } from '../../imports/column-mapping.ts';
import type { ImportReport, ImportSettings, StagedView } from '../../imports/import-service.ts';
import type { GraphQLContext } from '../context.ts';
import type { ImportField as ImportFieldEnum, ImportFormat, ImportRowOutcome } from '../generated/resolver-types.ts';
import { mutation } from './mutation-support.ts';

type FieldEnum = ImportFieldEnum;
interface SettingsInput {
  mapping?: Array<{ column: number; field?: FieldEnum | null; language?: string | null }> | null;
  language?: string | null;
  defaults?: Array<{ field: FieldEnum; value: string }> | null;
}

const toEnum = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase() as FieldEnum;
const fromEnum = (value: FieldEnum) => value.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as ImportField;

function settingsOf(input: SettingsInput | null | undefined): ImportSettings {
  if (!input) return {};
  return {
    ...(input.mapping
      ? {
          mapping: input.mapping.map((c): ColumnChoice => ({
            column: c.column,
            field: c.field ? fromEnum(c.field) : null,
            ...(c.language ? { language: c.language } : {}),
          })),
        }
      : {}),
    ...(input.language ? { language: input.language } : {}),
    ...(input.defaults ? { defaults: input.defaults.map((d) => ({ field: fromEnum(d.field), value: d.value })) } : {}),
  };
}

function stagedView(view: StagedView) {
  return {
    id: view.id,
    label: view.label,
    format: view.format.toUpperCase() as ImportFormat,
    ready: view.ready,
    receivedBytes: view.receivedBytes,
    rowCount: view.rowCount,
    mappingRemembered: view.mappingRemembered,
    language: view.language,
    columns: view.headers.map((header, column) => {
      const choice = view.mapping.find((c) => c.column === column);
      return {
        column,
        header,
        field: choice?.field ? toEnum(choice.field) : null,
        language: choice?.language ?? null,
        sample: view.sample.map((row) => row[column] ?? ''),
      };
    }),
  };
}

function reportView(report: ImportReport) {
  return {
    counts: report.counts,
    rows: report.rows.map((row) => ({
      row: row.row,
      label: row.label,
      key: row.key,
      outcome: row.outcome.toUpperCase() as ImportRowOutcome,
      handle: row.record?.handle ?? null,
      changedFields: row.changedFields,
      problems: row.problems.map((p) => ({ field: p.field, column: p.column ?? null, code: p.code, message: p.message })),
      duplicates: row.duplicates,
    })),
  };
}

export const importResolvers = {
  Query: {
    stagedImport: async (_: unknown, args: { id: string }, ctx: GraphQLContext) =>
      stagedView(await ctx.services.imports.staged(ctx.actor, args.id)),
  },
  Mutation: {
    startImportUpload: mutation(async (args: { fileName: string }, ctx) => ({
      staged: stagedView(await ctx.services.imports.startUpload(ctx.actor, args.fileName)),
    })),
    appendImportUpload: mutation(async (args: { id: string; chunk: string; last: boolean }, ctx) => ({
      staged: stagedView(await ctx.services.imports.appendUpload(ctx.actor, args.id, args.chunk, args.last)),
    })),
    stageImportUrl: mutation(async (args: { url: string }, ctx) => ({
      staged: stagedView(await ctx.services.imports.stageUrl(ctx.actor, args.url)),
    })),
    previewImport: mutation(async (args: { id: string; settings?: SettingsInput | null }, ctx) => ({
      report: reportView(await ctx.services.imports.preview(ctx.actor, args.id, settingsOf(args.settings))),
    })),
    runImport: mutation(
      async (args: { id: string; settings?: SettingsInput | null; publish: boolean; importDuplicates?: boolean | null }, ctx) => ({
        report: reportView(
          await ctx.services.imports.run(ctx.actor, args.id, settingsOf(args.settings), {
            publish: args.publish,
            importDuplicates: args.importDuplicates ?? false,
          }),
        ),
      }),
    ),
  },
};
