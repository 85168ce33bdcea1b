import { describe, expect, it } from 'vitest';
import { openStore } from '../../server/store/index.ts';
import { riposte, testDir } from '../helpers/riposte-cli.ts';

describe('riposte site', () => {
  it('shows the settings, changes the edit window and guests, and refuses bad values readably', async () => {
    const dir = testDir();
    const db = `${dir.path}/riposte.db`;
    expect(riposte(['site', '--db', db]).stdout).toContain('editWindowMinutes=15');
    const changed = riposte(['site', 'default', 'guests=false', 'editWindowMinutes=30', '--db', db]);
    expect(changed.status).toBe(0);
    const store = await openStore(db);
    expect(await store.sites.settings('default')).toMatchObject({ guests: false, editWindowMinutes: 30 });
    store.close();
    const bad = riposte(['site', 'editWindowMinutes=99999', '--db', db]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('editWindowMinutes: must be at most 10080 minutes (a week).');
    expect(riposte(['site', 'guests=maybe', '--db', db]).stderr).toContain('guests must be true or false, not "maybe".');
    expect(riposte(['site', 'nope', '--db', db]).stderr).toContain('There is no site "nope".');
  });

  it('sets the moderation rules: a mode by name, blocked words as a comma-separated list', async () => {
    const dir = testDir();
    const db = `${dir.path}/riposte.db`;
    const changed = riposte(['site', 'moderation=first', 'blockedWords=casino, cheap pills', 'maxLinks=1', '--db', db]);
    expect(changed.stdout).toContain('blockedWords=casino,cheap pills');
    const store = await openStore(db);
    expect(await store.sites.settings('default')).toMatchObject({
      moderation: 'first',
      blockedWords: ['casino', 'cheap pills'],
      maxLinks: 1,
    });
    store.close();
    expect(riposte(['site', 'moderation=sometimes', '--db', db]).stderr).toContain('moderation: must be all, first or none.');
  });
});
