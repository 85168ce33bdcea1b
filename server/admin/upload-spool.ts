/**
 * An uploaded export, written to a private temporary file as it arrives, so memory stays
 * small whatever its size and the import's write lock is held only while the file is read,
 * not while a slow connection trickles it in (comments posted meanwhile would get 503).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, type ReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { RiposteError } from '../http/errors.ts';

/** Uploads above this are refused with 413: far above real blogs' exports (WordPress.com caps at tens of MB). */
export const UPLOAD_MAX_BYTES = 512 * 1024 * 1024;

export const tooLarge = () =>
  new RiposteError(
    413,
    'payload_too_large',
    `An uploaded export may be at most ${UPLOAD_MAX_BYTES / 1024 / 1024} MB; import larger files with \`riposte import\` on the server.`,
  );

/** The body's bytes, stopping with 413 past the limit (a body without Content-Length is counted as it comes). */
async function* limited(body: ReadableStream<Uint8Array>, maxBytes: number, counted: { bytes: number }): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        // The browser went away or the connection broke: nobody will read the answer, but no 500 either.
        throw new RiposteError(400, 'invalid_input', 'The upload was cut off before the end; try again.');
      });
      if (done) return;
      counted.bytes += value.byteLength;
      if (counted.bytes > maxBytes) throw tooLarge();
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

export interface Spooled {
  /** The file's bytes, read from disk. */
  open(): ReadStream;
  bytes: number;
  /** Deletes the file (always call it, in a finally). */
  remove(): void;
}

/**
 * Writes the body to a new file, readable by this user only (it holds readers' emails), in a
 * temporary folder beside the SQLite database when there is one (/tmp is often memory, tmpfs);
 * with PostgreSQL (`databaseFile` null) or in memory, in the system's temporary folder.
 */
export async function spoolUpload(
  body: ReadableStream<Uint8Array>,
  databaseFile: string | null,
  maxBytes = UPLOAD_MAX_BYTES,
): Promise<Spooled> {
  const parent = databaseFile === null || databaseFile === ':memory:' ? tmpdir() : dirname(databaseFile);
  const dir = mkdtempSync(join(parent, '.riposte-upload-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const file = join(dir, 'upload');
  const counted = { bytes: 0 };
  try {
    await pipeline(limited(body, maxBytes, counted), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    remove();
    throw err;
  }
  return { open: () => createReadStream(file), bytes: counted.bytes, remove };
}
