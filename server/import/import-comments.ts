/**
 * The importer behind `riposte import` and the admin view's upload: a stream of
 * bytes, a format and a site in; a summary out. One transaction: a file that fails half-way
 * leaves the database as it was; a file imported twice adds nothing the second time.
 */
import type { Store } from '../store/index.ts';
import { disqusReader } from './disqus.ts';
import { utf8Chunks, type ImportInput } from './input-text.ts';
import { emptySummary, type ImportFormat, type ImportSummary } from './import-summary.ts';
import { ImportWriter } from './import-writer.ts';
import { restoreRiposte } from './riposte-restore.ts';
import { wordpressReader } from './wordpress.ts';
import { readXmlRecords } from './xml-records.ts';

export interface ImportRequest {
  /** When the import runs: the date of a new site, and of a thread whose export gives none. */
  now: Date;
  format: ImportFormat;
  /** The file's bytes: a Node read stream, a web ReadableStream, any async iterable. */
  input: ImportInput;
  /** The site whose threads get the comments (made if missing); a Riposte restore brings its own. */
  site: string;
  /** How messages name the file, e.g. its path or the uploaded file's name. */
  sourceName: string;
  /** Called after each chunk read, for a progress display. */
  onProgress?: (progress: { bytes: number; comments: number }) => void;
}

export async function importComments(store: Store, request: ImportRequest): Promise<ImportSummary> {
  const { format, site, sourceName } = request;
  const summary = emptySummary(format, site);
  const hashKey = await store.settings.hashKey();
  return store.importTransaction(async (tx) => {
    const chunks = utf8Chunks(request.input, sourceName, (bytes) => request.onProgress?.({ bytes, comments: summary.comments.imported }));
    if (format === 'riposte') {
      await restoreRiposte(chunks, sourceName, tx, summary);
      return summary;
    }
    if (!(await tx.sites.get(site))) {
      await tx.sites.ensure(site, site, request.now.toISOString());
      summary.siteCreated = true;
    }
    const writer = new ImportWriter(tx, { siteId: site, hashKey, now: request.now.toISOString() }, summary);
    await readXmlRecords(chunks, sourceName, format === 'wordpress' ? wordpressReader(writer, site) : disqusReader(writer, site));
    await writer.finish();
    return summary;
  });
}
