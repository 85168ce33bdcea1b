/** Settings read at start: a database setting that is no usable file path is refused with a message that says what to give instead. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

const dbOf = (value: string) => loadConfig([], { RIPOSTE_DB: value }).config.dbFile;

describe('RIPOSTE_DB', () => {
  it('takes a file path, relative or absolute', () => {
    expect(dbOf('data/riposte.db')).toBe(join(process.cwd(), 'data/riposte.db'));
    expect(dbOf('/srv/riposte/comments.db')).toBe('/srv/riposte/comments.db');
  });

  it('refuses a URL of another kind, or a folder, instead of making a file named after it', () => {
    for (const value of ['mysql://user@db.example/comments', 'sqlite:///srv/riposte.db', 'file:comments.db', 'https://db.example/x']) {
      expect(() => dbOf(value), value).toThrow(ConfigError);
      expect(() => dbOf(value), value).toThrow(/--db \/ RIPOSTE_DB must be a SQLite file path/);
    }
    const folder = mkdtempSync(join(tmpdir(), 'riposte-config-'));
    try {
      expect(() => dbOf(folder)).toThrow(
        `--db / RIPOSTE_DB: ${folder} is a folder; name a file in it, e.g. ${join(folder, 'riposte.db')}.`,
      );
    } finally {
      rmSync(folder, { recursive: true });
    }
  });
});
