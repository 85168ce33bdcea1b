/**
 * The admin view's import and export (mounted by routes/admin.ts behind requireAdmin):
 * `POST /import?format=&site=&name=` takes a WordPress or Disqus export as the request body
 * (up to 512 MB, spooled to disk, never held in memory) and answers the import's summary;
 * `GET /export` streams the same JSON as `riposte export`, as a download that is never cached.
 */
import { Hono } from 'hono';
import { DEFAULT_SITE } from '../../shared/limits.ts';
import type { AdminEnv } from '../admin/admin-auth.ts';
import { importQuerySchema } from '../admin/admin-schemas.ts';
import { spoolUpload, tooLarge, UPLOAD_MAX_BYTES } from '../admin/upload-spool.ts';
import { riposteExport } from '../export/riposte-export.ts';
import { ImportError } from '../import/import-error.ts';
import { printable } from '../import/printable.ts';
import { RiposteError } from '../http/errors.ts';
import { validate } from '../http/read-json.ts';

/** The export as a byte stream that reads the database only as fast as the client takes it. */
function exportStream(pieces: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    // A download stopped half-way ends the snapshot's read transaction at once.
    async cancel() {
      await pieces.return(undefined);
    },
  });
}

export function adminTransferRoutes() {
  return new Hono<AdminEnv>()
    .post('/import', async (c) => {
      const { format, site = DEFAULT_SITE, name } = validate(importQuerySchema, c.req.query());
      if (format === 'riposte') {
        throw new RiposteError(
          400,
          'invalid_input',
          'A Riposte export is restored into an empty database with the server stopped: run `riposte import riposte FILE --db NEW.db` on the server.',
        );
      }
      if (c.req.header('content-type')?.startsWith('multipart/')) {
        throw new RiposteError(400, 'invalid_input', 'Send the file itself as the request body (curl --data-binary @FILE), not as a form.');
      }
      const length = Number(c.req.header('content-length') ?? 0);
      if (length > UPLOAD_MAX_BYTES) throw tooLarge();
      const empty = () => new RiposteError(400, 'invalid_input', 'The upload is empty: choose an export file.');
      const body = c.req.raw.body;
      if (!body) throw empty();

      // Quoted in messages and the log: without control characters (a name cannot drive a terminal).
      const sourceName = printable(name || 'the uploaded file');
      const upload = await spoolUpload(body, c.var.store.file);
      try {
        if (upload.bytes === 0) throw empty();
        const now = c.var.now();
        // The import pipeline (parsers, HTML to Markdown) loads at the first import, not at start: most servers never import.
        const { importComments } = await import('../import/import-comments.ts');
        const summary = await importComments(c.var.store, { now, format, input: upload.open(), site, sourceName });
        const counts = `${summary.comments.imported} comments imported, ${summary.threads.created} threads created`;
        await c.var.store.audit.add(
          c.var.admin.email,
          'import',
          null,
          `${format} ${sourceName} into ${site}: ${counts}`,
          now.toISOString(),
        );
        return c.json(summary);
      } catch (err) {
        // The importer's messages say where and why (line, column); the database is as it was.
        if (err instanceof ImportError) throw new RiposteError(400, 'invalid_input', err.message);
        throw err;
      } finally {
        upload.remove();
      }
    })
    .get('/export', async (c) => {
      const now = c.var.now();
      await c.var.store.audit.add(c.var.admin.email, 'export', null, null, now.toISOString());
      const day = now.toISOString().slice(0, 10);
      return c.body(exportStream(riposteExport(c.var.store, now)), 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="riposte-export-${day}.json"`,
        // It holds readers' emails and IP hashes: no cache anywhere may keep a copy.
        'Cache-Control': 'no-store',
      });
    });
}
