// The catalogue of the public documents the seed data were drawn from (seeds/sources.json):
// title, publisher, kind, date and public address of each, by the file name records cite. Read
// once at boot. Pages used to cite sources by file name ("003_9eddd849f567d703.txt"), which tells
// a reader nothing; with the catalogue a reference says what the document is and when it is from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyFigure, SourceKind, SourceReference } from '../records/record-types.ts';
import { seedsDirectory } from '../seeding/seed-files.ts';

export interface SourceDocument {
  file: string;
  title: string;
  publisher: string;
  kind: SourceKind;
  /** Absent when the document is undated: pages then say "undated" rather than guess. */
  date?: string;
  url?: string;
  languages: string[];
}

export class SourceCatalogue {
  readonly #byFile: ReadonlyMap<string, SourceDocument>;
  readonly documents: readonly SourceDocument[];

  constructor(documents: readonly SourceDocument[]) {
    this.documents = documents;
    this.#byFile = new Map(documents.map((d) => [d.file, d]));
  }

  static load(path = join(seedsDirectory(), 'sources.json')): SourceCatalogue {
    const content = JSON.parse(readFileSync(path, 'utf8')) as { documents: SourceDocument[] };
    return new SourceCatalogue(content.documents);
  }

  byFile(file: string | undefined): SourceDocument | undefined {
    return file === undefined ? undefined : this.#byFile.get(file);
  }

  /**
   * A reference with the catalogue's facts when it cites a catalogued file. The catalogue wins on
   * title, publisher, kind, date and address: it is the one description of the project's own
   * documents, where records stored before it existed carry long titles with the publisher in
   * brackets. The record keeps its note, which says which passage it used.
   */
  complete(reference: SourceReference): SourceReference {
    const document = this.byFile(reference.file);
    if (!document) return reference;
    const { date: _recordDate, url, ...rest } = reference;
    return {
      ...rest,
      title: document.title,
      publisher: document.publisher,
      kind: document.kind,
      ...(document.date ? { date: document.date } : {}),
      ...(document.url ? { url: document.url } : url ? { url } : {}),
    };
  }

  completeAll(references: readonly SourceReference[] | undefined): SourceReference[] | undefined {
    return references?.map((r) => this.complete(r));
  }
}

/**
 * The reference a key figure comes from: the record's source whose file or title the figure
 * names. Undefined when the figure names none, or names a source the record does not list.
 */
export function keyFigureSource(figure: KeyFigure, sources: readonly SourceReference[] | undefined): SourceReference | undefined {
  if (!figure.source) return undefined;
  return sources?.find((s) => s.file === figure.source || s.title === figure.source);
}
