// The admins' import of initiatives (routes/admin/import, ADR 0047): staging a file or a URL,
// the dry run and the run. All go through session.ts, as the signed-in admin.
export { default as STAGED_IMPORT_QUERY } from './queries/staged-import.graphql?raw';
export { default as START_IMPORT_UPLOAD } from './queries/start-import-upload.graphql?raw';
export { default as APPEND_IMPORT_UPLOAD } from './queries/append-import-upload.graphql?raw';
export { default as STAGE_IMPORT_URL } from './queries/stage-import-url.graphql?raw';
export { default as PREVIEW_IMPORT } from './queries/preview-import.graphql?raw';
export { default as RUN_IMPORT } from './queries/run-import.graphql?raw';
