/** The write-ahead log stays small: an import's pages are checkpointed into the database and the log cut back, so it never holds several times the data. */
import { createReadStream, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importComments } from '../../../server/import/import-comments.ts';
import { openStore } from '../../../server/store/index.ts';
import { writeWxrFile } from '../../bench/lib/wxr-file.ts';
import { testDir } from '../../helpers/riposte-cli.ts';

describe('the write-ahead log', () => {
  it('is cut back after an import, while a server has the database open', async () => {
    const dir = testDir();
    const db = `${dir.path}/riposte.db`;
    const file = `${dir.path}/blog.xml`;
    await writeWxrFile(file, { posts: 40, perPost: 100 });
    // The server's store, open all along; the import runs on a connection of its own.
    const server = await openStore(db);
    await server.sites.ensure('default', 'Default site', new Date().toISOString());
    const summary = await importComments(server, {
      now: new Date(),
      format: 'wordpress',
      input: createReadStream(file),
      site: 'default',
      sourceName: file,
    });
    expect(summary.comments.imported).toBe(4_000);
    const data = statSync(db).size;
    const wal = statSync(`${db}-wal`).size;
    expect(wal).toBeLessThan(data / 4);
    server.close();
  });
});
