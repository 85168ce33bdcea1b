/**
 * `riposte privacy export PERSON FILE [--markdown]` and `riposte privacy erase PERSON --yes`:
 * an owner answers a person who asks by mail for their data, or for its erasure. PERSON is an
 * email address or a sign-in identity (provider:subject). Each is recorded in the Log.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { personSchema } from '../shared/privacy.ts';
import { commandLine } from './cli-transfer.ts';
import { openToolStore } from './cli-store.ts';
import { ConfigError, type Config } from './config.ts';
import { describeErasure, erasePerson, logExport } from './privacy/erase.ts';
import { personByRef } from './privacy/person.ts';
import { personalExport } from './privacy/personal-export.ts';

export const PRIVACY_USAGE = `  privacy export EMAIL|IDENTITY FILE [--markdown]
           Write everything stored about a person (comments on every site, votes,
           subscriptions, sign-in identity and sessions) as JSON, or their comments as
           Markdown, to FILE (readable by its owner only). IDENTITY is provider:subject.
  privacy erase EMAIL|IDENTITY --yes
           Erase it: comments others replied to stay as "deleted" placeholders, the rest go,
           with votes, subscriptions, sessions and the identity.`;

function person(text: string | undefined, usage: string) {
  if (!text) throw new ConfigError(`privacy ${usage}`);
  const checked = v.safeParse(personSchema, text);
  if (!checked.success) throw new ConfigError(checked.issues[0].message);
  return checked.output;
}

/** `flags`: the privacy command's own (--yes, --markdown), taken out before the server's settings are read. */
export async function privacyCommand(config: Config, positionals: string[], flags: { yes: boolean; markdown: boolean }): Promise<void> {
  const [action, who, file, extra] = positionals;
  if (action === 'export') {
    const ref = person(who, 'export needs a person and a file: riposte privacy export ann@example.com ann.json');
    if (!file) throw new ConfigError('privacy export needs a file to write: riposte privacy export ann@example.com ann.json');
    if (extra) throw new ConfigError(`unexpected argument "${extra}".`);
    const store = await openToolStore(config);
    try {
      const found = await personByRef(store, ref);
      const now = new Date();
      const { data, markdown } = await personalExport(store, found, now);
      // Owner-only, never over an existing file: it holds the person's addresses and words.
      try {
        writeFileSync(file, flags.markdown ? markdown : `${JSON.stringify(data, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
      } catch (err) {
        if (err instanceof Error && 'code' in err && err.code === 'EEXIST') {
          throw new ConfigError(`${file} exists already; choose a new file so nothing is overwritten.`);
        }
        throw err;
      }
      await logExport(store, found, commandLine(), data.comments.length, now);
      console.log(
        `Wrote ${data.comments.length} comment(s), ${data.votes.length} vote(s), ${data.subscriptions.length} subscription(s) and ${data.identities.length} identit(ies) of ${found.label} to ${resolve(file)}.`,
      );
    } finally {
      await store.close();
    }
    return;
  }
  if (action === 'erase') {
    const ref = person(who, 'erase needs a person: riposte privacy erase ann@example.com --yes');
    if (file) throw new ConfigError(`unexpected argument "${file}".`);
    if (!flags.yes) {
      throw new ConfigError(`erasing cannot be undone: run "riposte privacy export ${who} FILE" first if you need a copy, then add --yes.`);
    }
    const store = await openToolStore(config);
    try {
      const found = await personByRef(store, ref);
      // The running server's outbox worker sends the webhooks' comment.deleted events at its next look.
      const hashKey = await store.settings.hashKey();
      const counts = await erasePerson({ store, config, hashKey, now: () => new Date() }, found, commandLine());
      console.log(`Erased ${found.label}: ${describeErasure(counts)}.`);
    } finally {
      await store.close();
    }
    return;
  }
  throw new ConfigError(
    'privacy needs export or erase: riposte privacy export EMAIL|IDENTITY FILE, riposte privacy erase EMAIL|IDENTITY --yes',
  );
}
