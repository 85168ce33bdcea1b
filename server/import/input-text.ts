/**
 * Turns an upload or a file read stream (bytes) into UTF-8 text chunks, counting bytes for
 * progress, and stopping with a readable error at the first byte that is not UTF-8.
 */
import { ImportError } from './import-error.ts';

export type ImportInput = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

export async function* utf8Chunks(input: ImportInput, sourceName: string, onBytes: (bytes: number) => void): AsyncGenerator<string> {
  // fatal: a wrong encoding is reported, not turned silently into U+FFFD; the BOM is dropped.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      yield chunk;
      bytes += Buffer.byteLength(chunk);
    } else {
      yield decode(decoder, chunk, bytes, sourceName);
      bytes += chunk.byteLength;
    }
    onBytes(bytes);
  }
  const rest = decode(decoder, undefined, bytes, sourceName);
  if (rest) yield rest;
}

function decode(decoder: TextDecoder, chunk: Uint8Array | undefined, offset: number, sourceName: string): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    throw new ImportError(`${sourceName}: not UTF-8 text (near byte ${offset.toLocaleString('en')}); export the file again as UTF-8.`);
  }
}
