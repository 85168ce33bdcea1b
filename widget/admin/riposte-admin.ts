/**
 * `<riposte-admin>`: the moderation view at /admin. Logs the owner in, then shows the queue
 * (pending first, count in the navigation), all comments with search and filters, bulk
 * actions, each site's rules, bans, the audit log, and importing and exporting. The only
 * element that talks to the API.
 */
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { AdminSession } from '../../shared/moderation.ts';
import { defineOnce } from '../define.ts';
import { Formats } from '../format.ts';
import type { Plural } from '../i18n/strings.ts';
import { ApiError, createAdminApi, type CommentQuery } from './admin-api.ts';
import type { AdminEvent, AdminEventName, ImportEvent, PrivacyEvent } from './admin-events.ts';
import { adminStyles } from './admin-styles.ts';
import { AdminLive } from './admin-live.ts';
import { type AdminStrings, loadAdminStrings } from './admin-strings.ts';
import { newChallenge, returnedCode, startUrl } from './provider-login.ts';
import './riposte-admin-comments.ts';

const VIEWS = ['queue', 'all', 'mentions', 'rules', 'bans', 'deliveries', 'log', 'transfer', 'privacy'] as const;
type View = (typeof VIEWS)[number];

/** The screens besides the comment lists, each loaded when first opened: /admin opens on the queue. */
const SCREENS: Partial<Record<View, () => Promise<unknown>>> = {
  mentions: () => import('./riposte-admin-mentions.ts'),
  rules: () => import('./riposte-admin-rules.ts'),
  bans: () => import('./riposte-admin-bans.ts'),
  deliveries: () => import('./riposte-admin-deliveries.ts'),
  log: () => import('./riposte-admin-log.ts'),
  transfer: () => import('./riposte-admin-transfer.ts'),
  privacy: () => import('./riposte-admin-privacy.ts'),
};
const isView = (name: string): name is View => VIEWS.some((view) => view === name);

/**
 * Why a request failed, in the view's language. `invalid_input` keeps the server's words: they
 * name what was wrong (a rule's value, a file that is not an export), and come in English.
 */
export function messageOf(t: AdminStrings, error: unknown): string {
  if (!(error instanceof ApiError)) return t.errors.internal;
  return error.code === 'invalid_input' ? error.message : t.errors[error.code];
}

interface OutboxSummary {
  deliveries: { failed: number } | null;
  mentions: { pending: number } | null;
}

export class RiposteAdmin extends LitElement {
  static override styles = [
    adminStyles,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: space-between;
        padding: 1rem 0 0.5rem;
      }
      nav ul {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        padding: 0;
        margin: 0;
        border-bottom: 1px solid var(--_border);
      }
      nav a {
        display: block;
        padding: 0.5em 0.8em;
        text-decoration: none;
        border-radius: var(--_radius) var(--_radius) 0 0;
      }
      nav a[aria-current='page'] {
        background: var(--_surface);
        font-weight: 600;
        box-shadow: inset 0 -3px 0 var(--_accent);
      }
      .count {
        display: inline-block;
        min-width: 1.5em;
        padding: 0 0.4em;
        border-radius: 1em;
        background: var(--_accent);
        color: var(--_on-accent);
        text-align: center;
        font-size: 0.85em;
      }
      .login {
        max-width: 22rem;
        margin: 3rem auto;
        display: grid;
        gap: 0.8rem;
      }
      .provider {
        display: block;
        text-align: center;
        text-decoration: none;
        border-radius: var(--_radius);
      }
      .login-form {
        display: grid;
        gap: 0.8rem;
      }
    `,
  ];

  /** The view's strings and formats, in the owner's language (admin-strings.ts), once loaded. */
  @state() private _t: AdminStrings | null = null;
  private _formats = new Formats('en');
  @state() private _session: AdminSession | null = null;
  /** Whether the first session check is done (so the login form does not flash). */
  @state() private _ready = false;
  @state() private _view: View = 'queue';
  @state() private _query: CommentQuery = {};
  @state() private _pending = 0;
  /**
   * What the outbox and Webmention views have to show, or null where the server has nothing
   * of the kind (no mail, no webhooks, nothing received): then they are not offered at all.
   */
  @state() private _outbox: OutboxSummary = { deliveries: null, mentions: null };
  @state() private _loginError = '';
  /** Announced to screen readers and shown: what the last action did. */
  @state() private _notice = '';
  /** Bumped to reload the current view after a change. */
  @state() private _version = 0;
  /** Sign-in providers offered on the login form (RIPOSTE_ADMINS). */
  @state() private _providers: { id: string; name: string }[] = [];
  /** This tab's challenge for a provider login (provider-login.ts). */
  private _challenge = '';

  private _api = createAdminApi(() => this._session?.csrf ?? '');

  /** Another tab's moderation and newly held comments, as they happen (admin-live.ts). */
  private _live = new AdminLive(this, {
    loggedIn: () => this._session !== null,
    shown: () => new Map(this._data.value?.kind === 'comments' ? this._data.value.page.comments.map((c) => [c.id, c.status]) : []),
    settled: () => this._data.taskComplete,
    reload: () => this._version++,
  });

  private _data = new Task(this, {
    args: () => [this._session?.csrf, this._view, this._query, this._version] as const,
    task: async ([csrf, view, query]) => {
      if (!csrf) return null;
      // The screen's element is defined before its data comes back, so it is drawn with it.
      await SCREENS[view]?.();
      if (view === 'queue' || view === 'all') {
        const page = await this._api.comments({ ...query, status: view === 'queue' ? 'pending' : query.status });
        this._pending = page.pending;
        this._live.listed();
        return { kind: 'comments' as const, page, sites: (await this._api.sites()).sites };
      }
      if (view === 'rules') return { kind: 'rules' as const, ...(await this._api.sites()) };
      if (view === 'bans') return { kind: 'bans' as const, bans: (await this._api.bans()).bans };
      if (view === 'transfer') return { kind: 'transfer' as const, sites: (await this._api.sites()).sites };
      if (view === 'privacy') return { kind: 'privacy' as const };
      if (view === 'deliveries') {
        const page = await this._api.deliveries(query);
        this._outbox = { ...this._outbox, deliveries: { failed: page.failed } };
        return { kind: 'deliveries' as const, page };
      }
      if (view === 'mentions') {
        const page = await this._api.mentions(query);
        this._outbox = { ...this._outbox, mentions: { pending: page.pending } };
        return { kind: 'mentions' as const, page };
      }
      return { kind: 'log' as const, entries: (await this._api.audit()).entries };
    },
  });

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this._onHash);
    this._onHash();
    void this._start();
  }

  /**
   * The owner's language first (nothing shows without it); then, back from a provider with a
   * one-time code, log in with it; else resume the session, if any.
   */
  private async _start() {
    const { lang, t } = await loadAdminStrings();
    document.documentElement.lang = lang;
    document.title = t.title;
    this._formats = new Formats(lang);
    this._t = t;
    const returned = returnedCode();
    try {
      const session = returned ? await this._api.providerLogin(returned.code, returned.verifier) : await this._api.session();
      // Known before the navigation is first drawn, so views do not appear in it a moment later.
      await this._loadOutbox();
      this._session = session;
    } catch (error) {
      // Not logged in (401) is the usual case; anything else is said on the login form.
      if (!(error instanceof ApiError && error.code === 'unauthorized')) this._loginError = messageOf(t, error);
      await this._loadProviders();
    }
    this._ready = true;
  }

  override disconnectedCallback() {
    window.removeEventListener('hashchange', this._onHash);
    super.disconnectedCallback();
  }

  override render() {
    const t = this._t;
    if (!t) return nothing;
    if (!this._ready) return html`<p role="status">${t.loading}</p>`;
    if (!this._session) return this._renderLogin(t);
    return html`<header>
        <h1>${t.title}</h1>
        <div class="row">
          <span class="muted">${this._session.admin.email}</span>
          <button class="secondary" @click=${this._logout}>${t.logOut}</button>
        </div>
      </header>
      <nav aria-label=${t.navigation}>
        <ul>
          ${VIEWS.filter((view) => this._offered(view)).map(
            (view) =>
              html`<li><a href="#${view}" aria-current=${this._view === view ? 'page' : 'false'}>${t.views[view]}${this._count(t, view)}</a></li>`,
          )}
        </ul>
      </nav>
      <main @riposte-admin-search=${this._onSearch} @riposte-admin-act=${this._onAct} @riposte-admin-edit=${this._onEdit}
        @riposte-admin-reply=${this._onReply} @riposte-admin-lock=${this._onLock} @riposte-admin-pin=${this._onPin} @riposte-admin-ban=${this._onBan}
        @riposte-admin-unban=${this._onUnban} @riposte-admin-save-site=${this._onSaveSite} @riposte-admin-import=${this._onImport}
        @riposte-admin-privacy=${this._onPrivacy} @riposte-admin-retry=${this._onRetry} @riposte-admin-mention=${this._onMention}>
        <h2 id="view-title" tabindex="-1">${t.views[this._view]}</h2>
        <p role="status" class="muted">${this._notice}</p>
        ${this._live.banner(t, this._formats)}
        ${this._data.render({
          // While reloading after a change, the last answer stays on screen (and focus where it was).
          pending: () => (this._data.value ? this._renderData(t, this._data.value) : html`<p class="muted">${t.loading}</p>`),
          complete: (data) => this._renderData(t, data),
          error: (error) => html`<p class="error" role="alert">${messageOf(t, error)}</p>`,
        })}
      </main>`;
  }

  /** Deliveries and Mentions are offered only where there is something of the kind (or the owner opened them by address). */
  private _offered(view: View): boolean {
    if (view === 'deliveries' || view === 'mentions') return this._outbox[view] !== null || this._view === view;
    return true;
  }

  /** The badge after a view's name: comments waiting (always), deliveries failed and mentions waiting (when there are some). */
  private _count(t: AdminStrings, view: View) {
    const badges: Partial<Record<View, [number, Plural]>> = {
      queue: [this._pending, t.pendingCount],
      deliveries: [this._outbox.deliveries?.failed ?? 0, t.deliveries.failedCount],
      mentions: [this._outbox.mentions?.pending ?? 0, t.mentions.pendingCount],
    };
    const badge = badges[view];
    if (!badge || (view !== 'queue' && badge[0] === 0)) return nothing;
    const [n, label] = badge;
    return html` <span class="count" aria-label=${this._formats.count(n, label)}>${this._formats.number(n)}</span>`;
  }

  private _renderData(t: AdminStrings, data: RiposteAdmin['_data']['value']) {
    if (!data) return nothing;
    const f = this._formats;
    if (data.kind === 'comments') {
      return html`<riposte-admin-comments .t=${t} .formats=${f} .comments=${data.page.comments} .total=${data.page.total} .totalExact=${data.page.totalExact} .sites=${data.sites}
        .query=${this._query} view=${this._view === 'queue' ? 'queue' : 'all'}></riposte-admin-comments>`;
    }
    if (data.kind === 'rules')
      return data.sites.map(
        (site) =>
          html`${data.sites.length > 1 ? html`<h3>${site.name}</h3>` : nothing}<riposte-admin-rules .t=${t} .site=${site} .mail=${data.mail}></riposte-admin-rules>`,
      );
    if (data.kind === 'deliveries')
      return html`<riposte-admin-deliveries .t=${t} .formats=${f} .deliveries=${data.page.deliveries} .total=${data.page.total}
        .query=${this._query}></riposte-admin-deliveries>`;
    if (data.kind === 'mentions')
      return html`<riposte-admin-mentions .t=${t} .formats=${f} .mentions=${data.page.mentions} .total=${data.page.total}
        .query=${this._query}></riposte-admin-mentions>`;
    if (data.kind === 'bans') return html`<riposte-admin-bans .t=${t} .formats=${f} .bans=${data.bans}></riposte-admin-bans>`;
    if (data.kind === 'transfer')
      return html`<riposte-admin-transfer .t=${t} .formats=${f} .sites=${data.sites} .exportUrl=${this._api.exportUrl}></riposte-admin-transfer>`;
    if (data.kind === 'privacy')
      return html`<riposte-admin-privacy .t=${t} .formats=${f} .exportUrl=${this._api.privacyExportUrl}></riposte-admin-privacy>`;
    return html`<riposte-admin-log .t=${t} .formats=${f} .entries=${data.entries}></riposte-admin-log>`;
  }

  private _renderLogin(t: AdminStrings) {
    return html`<main class="login">
      <h1>${t.title}</h1>
      <form class="login-form" @submit=${this._onLogin}>
        <div class="field"><label for="email">${t.email}</label><input id="email" name="email" type="email" autocomplete="username" required autofocus /></div>
        <div class="field"><label for="password">${t.password}</label><input id="password" name="password" type="password" autocomplete="current-password" required /></div>
        <button class="primary">${t.logIn}</button>
        ${this._loginError ? html`<p class="error" role="alert">${this._loginError}</p>` : nothing}
      </form>
      ${this._providers.map(
        ({ id, name }) => html`<a class="secondary provider" href=${startUrl(id, this._challenge)}>${t.logInWith(name)}</a>`,
      )}
    </main>`;
  }

  /** A handler for a part's request: call the API, announce the outcome, reload the view, answer the part. */
  private _handle<K extends AdminEventName>(
    call: (detail: AdminEvent<K>['detail']) => Promise<unknown>,
    done: (t: AdminStrings, detail: AdminEvent<K>['detail']) => string,
  ) {
    return (event: AdminEvent<K>) => {
      const { detail } = event;
      const t = this._t!; // the parts that ask are drawn only once it is loaded
      call(detail).then(
        () => {
          this._notice = done(t, detail);
          this._version++;
          detail.reply(null);
        },
        (error: unknown) => {
          this._expired(error);
          detail.reply(messageOf(t, error));
        },
      );
    };
  }

  private _onAct = this._handle<'riposte-admin-act'>(
    ({ ids, action }) => this._api.act(ids, action),
    (t, d) => this._formats.count(d.ids.length, t.done[d.action]),
  );
  private _onEdit = this._handle<'riposte-admin-edit'>(
    ({ id, body }) => this._api.edit(id, body),
    (t) => t.saved,
  );
  private _onReply = this._handle<'riposte-admin-reply'>(
    ({ id, body }) => this._api.reply(id, body),
    (t) => t.replied,
  );
  private _onLock = this._handle<'riposte-admin-lock'>(
    ({ threadId, locked }) => this._api.lock(threadId, locked),
    (t, d) => (d.locked ? t.locked : t.unlocked),
  );
  private _onPin = this._handle<'riposte-admin-pin'>(
    ({ id, pinned }) => this._api.pin(id, pinned),
    (t, d) => (d.pinned ? t.pinnedDone : t.unpinnedDone),
  );
  private _onBan = this._handle<'riposte-admin-ban'>(
    ({ kind, value, hideExisting }) => this._api.ban(kind, value, hideExisting),
    (t, d) => t.banned(d.value),
  );
  private _onUnban = this._handle<'riposte-admin-unban'>(
    ({ id }) => this._api.unban(id),
    (t) => t.unbanned,
  );
  private _onSaveSite = this._handle<'riposte-admin-save-site'>(
    ({ id, origins, settings }) => this._api.saveSite(id, { origins, settings }),
    (t) => t.rulesSaved,
  );

  private _onRetry = this._handle<'riposte-admin-retry'>(
    ({ id }) => this._api.retry(id),
    (t) => t.deliveries.retried,
  );
  private _onMention = this._handle<'riposte-admin-mention'>(
    ({ ids, action }) => this._api.actOnMentions(ids, action),
    (t, d) => this._formats.count(d.ids.length, t.mentions.done[d.action]),
  );

  /**
   * Whether to offer Deliveries (the server sends mail, a site has webhooks, or anything was
   * ever delivered, such as a Webmention verification) and Mentions (any was received), with
   * their counts. Read once logged in; a failure leaves them out until the next visit.
   */
  private async _loadOutbox() {
    try {
      const [{ sites, mail }, deliveries, mentions] = await Promise.all([
        this._api.sites(),
        this._api.deliveries({ limit: 1 }),
        this._api.mentions({ limit: 1 }),
      ]);
      const sends = mail || sites.some((site) => site.settings.webhooks.length > 0) || deliveries.total > 0;
      this._outbox = {
        deliveries: sends ? { failed: deliveries.failed } : null,
        mentions: mentions.total > 0 ? { pending: mentions.pending } : null,
      };
    } catch (error) {
      console.warn('Riposte: could not read the deliveries and mentions.', error);
    }
  }

  /** Uploads the file with progress; then the pending count (and the sites, one may be new) are read again. */
  private _onImport = ({ detail }: ImportEvent) => {
    this._api.importFile(detail.format, detail.site, detail.file, detail.progress).then(
      (summary) => {
        this._pending += summary.comments.byStatus.pending ?? 0;
        this._version++;
        detail.done(summary);
      },
      (error: unknown) => {
        this._expired(error);
        detail.done(messageOf(this._t!, error));
      },
    );
  };

  /** A look-up or an erasure on the Privacy screen (which says what came of it). */
  private _onPrivacy = ({ detail }: PrivacyEvent) => {
    const asked = detail.erase ? this._api.erasePerson(detail.person) : this._api.lookUpPerson(detail.person);
    asked.then(
      (answer) => detail.done(answer),
      (error: unknown) => {
        this._expired(error);
        detail.done(messageOf(this._t!, error));
      },
    );
  };

  /** A session that ended on the server sends the owner back to the login form, saying why. */
  private _expired(error: unknown) {
    if (error instanceof ApiError && error.code === 'unauthorized') {
      this._session = null;
      this._loginError = this._t!.errors.unauthorized;
      void this._loadProviders();
    }
  }

  private _onHash = () => {
    const view = location.hash.slice(1);
    if (isView(view)) {
      this._view = view;
      this._query = {};
      this._notice = '';
    }
  };

  private _onSearch(event: CustomEvent<CommentQuery>) {
    this._query = event.detail;
  }

  private async _onLogin(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    try {
      const session = await this._api.login(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
      await this._loadOutbox();
      this._session = session;
      this._loginError = '';
      // The form focus was in is gone: start a keyboard user at the view's heading, not the page's top.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#view-title')?.focus();
    } catch (error) {
      // At the login form, 401 means the email or password was wrong.
      this._loginError = error instanceof ApiError && error.code === 'unauthorized' ? this._t!.wrongLogin : messageOf(this._t!, error);
    }
  }

  private async _logout() {
    // Logged out here whatever the server says: at worst its session row expires on its own.
    await this._api.logout().catch((error: unknown) => console.warn('Riposte: logout failed on the server.', error));
    this._session = null;
    this._loginError = '';
    await this._loadProviders();
  }

  private async _loadProviders() {
    try {
      const { providers } = await this._api.providers();
      if (providers.length) this._challenge = await newChallenge();
      this._providers = providers;
    } catch (error) {
      // The password form still works; provider buttons wait for the next visit.
      console.warn('Riposte: could not list sign-in providers.', error);
    }
  }
}

defineOnce('riposte-admin', RiposteAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'riposte-admin': RiposteAdmin;
  }
}
