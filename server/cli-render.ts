/** `riposte render PAGE [--site S] [--lang L] [--out FILE]`: a page's thread as HTML, for static site generators at build time. */
import { existsSync, writeFileSync } from 'node:fs';
import * as v from 'valibot';
import { DEFAULT_SITE } from '../shared/default-site.ts';
import { threadHtmlQuerySchema } from '../shared/listings.ts';
import { fieldErrors } from '../shared/schemas.ts';
import { ConfigError, loadConfig } from './config.ts';
import { pageThreadHtml } from './page-html/page-thread-html.ts';
import { openStore } from './store/index.ts';

export const RENDER_USAGE = `  render PAGE [--site SITE] [--lang LANG] [--out FILE]
           Write PAGE's thread (its URL or page-id) as HTML, the same fragment as
           GET /api/v1/threads/html, to standard output or FILE: for a static site
           generator at build time. LANG: en (default), fr, de, ...`;

const OWN_FLAGS = ['site', 'lang', 'out'] as const;
type OwnFlag = (typeof OWN_FLAGS)[number];

/** Takes this command's flags (`--site S` or `--site=S`) out of the arguments; the rest are the server's settings. */
function takeFlags(args: string[]): { flags: Partial<Record<OwnFlag, string>>; rest: string[] } {
  const flags: Partial<Record<OwnFlag, string>> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const flag = OWN_FLAGS.find((name) => arg === `--${name}` || arg.startsWith(`--${name}=`));
    if (!flag) rest.push(arg);
    else flags[flag] = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[++i] ?? '');
  }
  return { flags, rest };
}

export async function renderCommand(args: string[]): Promise<void> {
  const { flags, rest } = takeFlags(args);
  const { config, positionals } = loadConfig(rest, process.env);
  const [page, extra] = positionals;
  if (extra) throw new ConfigError(`unexpected argument "${extra}" (render takes one page).`);
  const checked = v.safeParse(threadHtmlQuerySchema, { page: page ?? '', site: flags.site, lang: flags.lang });
  if (!checked.success) {
    const [field, message] = Object.entries(fieldErrors(checked.issues))[0] ?? ['page', 'invalid'];
    throw new ConfigError(`${field === 'page' ? 'PAGE' : `--${field}`}: ${message} Usage: riposte render https://blog.example.com/post`);
  }
  if (!existsSync(config.dbFile)) throw new ConfigError(`there is no database at ${config.dbFile} (set --db or RIPOSTE_DB).`);
  const { site: siteId = DEFAULT_SITE, page: pageKey, lang } = checked.output;
  const store = await openStore(config.dbFile);
  try {
    if (!(await store.sites.get(siteId))) throw new ConfigError(`there is no site "${siteId}".`);
    const thread = await store.threads.find(siteId, pageKey);
    const html = await pageThreadHtml(store, await store.settings.hashKey(), {
      siteId,
      pageKey,
      thread,
      lang,
      publicUrl: config.publicUrl,
    });
    if (flags.out) writeFileSync(flags.out, html);
    else process.stdout.write(html);
  } finally {
    store.close();
  }
}
