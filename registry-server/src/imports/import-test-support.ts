// What the import tests share: uploading a file in pieces as the site does, and the GraphQL
// documents of the import steps.
import type { Session } from '../testing/graphql-client.ts';

const ROW = `row label key outcome handle changedFields problems { field column code message } duplicates { id name node reason }`;
export const PREVIEW = `mutation($id: ID!, $settings: ImportSettingsInput) { previewImport(id: $id, settings: $settings) {
  report { counts { create update unchanged refuse pending } rows { ${ROW} } } error { code message ... on ValidationFailed { fields { field code message } } } } }`;
export const RUN = `mutation($id: ID!, $settings: ImportSettingsInput, $publish: Boolean!, $dup: Boolean) {
  runImport(id: $id, settings: $settings, publish: $publish, importDuplicates: $dup) {
  report { counts { create update unchanged refuse pending } rows { ${ROW} } } error { code message } } }`;
const STAGED = `staged { id label format ready rowCount mappingRemembered language columns { column header field language sample } }
  error { code message ... on ValidationFailed { fields { field code message } } }`;
export const STAGE_URL = `mutation($url: String!) { stageImportUrl(url: $url) { ${STAGED} } }`;

/** A staged import as the tests read it (`staged` is null when `error` is set). */
export interface StagedAnswer {
  staged: {
    id: string;
    label: string;
    format: string;
    ready: boolean;
    rowCount: number;
    mappingRemembered: boolean;
    language: string;
    columns: Array<{ column: number; header: string; field: string | null; language: string | null; sample: string[] }>;
  };
  error: { code: string; message: string; fields?: Array<{ field: string; code: string; message: string }> } | null;
}

/** Uploads `bytes` as the site does: started, then sent in base64 pieces; returns the staged result. */
export async function upload(admin: Session, fileName: string, bytes: Uint8Array, pieceBytes = 48 * 1024): Promise<StagedAnswer> {
  const started = await admin.gql(`mutation($n: String!) { startImportUpload(fileName: $n) { ${STAGED} } }`, { n: fileName });
  if (started.data.startImportUpload.error) return started.data.startImportUpload;
  const id = started.data.startImportUpload.staged.id;
  let last = started.data.startImportUpload as StagedAnswer;
  for (let offset = 0; offset < bytes.byteLength || offset === 0; offset += pieceBytes) {
    const piece = Buffer.from(bytes.subarray(offset, offset + pieceBytes)).toString('base64');
    const done = offset + pieceBytes >= bytes.byteLength;
    const answer = await admin.gql(
      `mutation($id: ID!, $c: String!, $l: Boolean!) { appendImportUpload(id: $id, chunk: $c, last: $l) { ${STAGED} } }`,
      {
        id,
        c: piece,
        l: done,
      },
    );
    last = answer.data.appendImportUpload;
    if (done || last.error) break;
  }
  return last;
}

/** A CSV cell, quoted when it holds a separator, a quote or a line break (RFC 4180). */
export function csvCell(value: string): string {
  return /[",;\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvOf(rows: string[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
