/**
 * Streams the whole database as Riposte's export format (see riposte-format.ts), a few
 * kilobytes at a time from one consistent snapshot, so a large site never sits in memory.
 */
import type { Store } from '../store/index.ts';
import { EXPORTED_TABLE_NAMES } from '../store/transfer.ts';
import { RIPOSTE_FORMAT, RIPOSTE_FORMAT_VERSION } from './riposte-format.ts';

/** Text is handed on in pieces of about this many characters. */
const PIECE = 64 * 1024;

export interface ExportOptions {
  /**
   * Include the server's hashing key (settings `hash_key`), so a restore keeps avatars, likes
   * and sender hashes as they were. Off unless asked for: with the key, anyone holding the file
   * can reverse the IP hashes in it by hashing every IPv4 address.
   */
  hashKey?: boolean;
}

/** The export, piece by piece: pipe it into a file or an HTTP response (Readable.from). */
export async function* riposteExport(store: Store, now: Date, options: ExportOptions = {}): AsyncGenerator<string> {
  let buffer = JSON.stringify({ format: RIPOSTE_FORMAT, version: RIPOSTE_FORMAT_VERSION, exportedAt: now.toISOString() }).slice(0, -1);
  let table: string | null = null;
  const names = [...EXPORTED_TABLE_NAMES];
  const open = (name: string) => `,\n${JSON.stringify(name)}:[`;

  for await (const { table: name, row } of store.exportRows()) {
    // The hashing key is the only server setting a restore takes (riposte-rows.ts).
    if (name === 'settings' && !(options.hashKey && row.key === 'hash_key')) continue;
    if (name !== table) {
      if (table !== null) buffer += '\n]';
      // Tables with no rows still appear, as [].
      while (names[0] !== name) buffer += `${open(names.shift()!)}]`;
      buffer += `${open(names.shift()!)}\n`;
      table = name;
    } else {
      buffer += ',\n';
    }
    buffer += JSON.stringify(row);
    if (buffer.length >= PIECE) {
      yield buffer;
      buffer = '';
    }
  }
  if (table !== null) buffer += '\n]';
  for (const name of names) buffer += `${open(name)}]`;
  yield `${buffer}}\n`;
}
