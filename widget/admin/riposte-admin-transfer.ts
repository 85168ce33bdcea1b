/**
 * `<riposte-admin-transfer>`: the "Import / export" page. Uploads a WordPress or Disqus export
 * into a site with a progress bar, then shows what the import did (or why the file was
 * refused); and offers the full export as a download.
 *
 * @fires riposte-admin-import - Import a file; the root uploads it and answers with the summary.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ImportSummary } from '../../shared/transfer.ts';
import { COMMENT_STATUSES, type CommentStatus } from '../../shared/wire.ts';
import { defineOnce } from '../define.ts';
import type { Formats } from '../format.ts';
import type { AdminSite } from './admin-api.ts';
import { adminStyles } from './admin-styles.ts';
import type { AdminStrings } from './admin-strings.ts';

const FORMATS = ['wordpress', 'disqus'] as const;
const isStatus = (status: string): status is CommentStatus => COMMENT_STATUSES.some((s) => s === status);

type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading'; name: string; sent: number; total: number }
  | { kind: 'importing'; name: string }
  | { kind: 'done'; name: string; summary: ImportSummary }
  | { kind: 'failed'; message: string };

export class RiposteAdminTransfer extends LitElement {
  static override styles = [
    adminStyles,
    css`
      :host {
        padding: 0;
      }
      form {
        display: grid;
        gap: 0.8rem;
        max-width: 36rem;
      }
      h3 {
        font-size: 1rem;
        margin: 1.5rem 0 0.5rem;
      }
      .live {
        margin: 1rem 0;
        display: grid;
        gap: 0.4rem;
      }
      progress {
        width: 100%;
        max-width: 36rem;
        height: 1.2em;
        accent-color: var(--_accent);
      }
      .download {
        display: inline-block;
        text-decoration: none;
        border-radius: var(--_radius);
        color: inherit;
      }
      code {
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The view's strings and formats, in the owner's language. */
  @property({ attribute: false }) t!: AdminStrings;
  @property({ attribute: false }) formats!: Formats;
  /** The sites, offered as suggestions for where the comments go (a new name makes a new site). */
  @property({ attribute: false }) sites: AdminSite[] = [];
  /** Where the download link points (the admin API's export). */
  @property({ attribute: false }) exportUrl = '';

  @state() private _stage: Stage = { kind: 'idle' };

  override render() {
    const { t } = this;
    const busy = this._stage.kind === 'uploading' || this._stage.kind === 'importing';
    return html`<section aria-labelledby="import-title">
        <h3 id="import-title">${t.importTitle}</h3>
        <p class="muted">${t.importHelp}</p>
        <form @submit=${this._onSubmit}>
          <div class="field">
            <label for="format">${t.format}</label>
            <select id="format" name="format">${FORMATS.map((format) => html`<option value=${format}>${t.formats[format]}</option>`)}</select>
          </div>
          <div class="field">
            <label for="site">${t.intoSite}</label>
            <input id="site" name="site" list="site-list" required autocomplete="off" spellcheck="false" value="default" />
            <datalist id="site-list">${this.sites.map((site) => html`<option value=${site.id}>${site.name}</option>`)}</datalist>
          </div>
          <div class="field">
            <label for="file">${t.exportFile}</label>
            <input id="file" name="file" type="file" accept=".xml,text/xml,application/xml" required />
          </div>
          <div class="row"><button class="primary" aria-disabled=${busy ? 'true' : 'false'}>${t.importButton}</button></div>
        </form>
        <div class="live" aria-live="polite">${this._renderStage(t)}</div>
        <p class="note">${t.restoreNote} <code>riposte import riposte FILE --db new/riposte.db</code></p>
      </section>
      <section aria-labelledby="export-title">
        <h3 id="export-title">${t.exportTitle}</h3>
        <p class="muted">${t.exportHelp[0]} <code>riposte export</code>${t.exportHelp[1]}</p>
        <a class="secondary download" href=${this.exportUrl} download>${t.download}</a>
      </section>`;
  }

  private _renderStage(t: AdminStrings) {
    const stage = this._stage;
    const f = this.formats;
    const megabytes = (bytes: number) =>
      new Intl.NumberFormat(f.lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
        bytes / 1e6,
      );
    switch (stage.kind) {
      case 'idle':
        return nothing;
      case 'uploading': {
        // Announced in tenths, so a screen reader is not flooded; the bar itself moves smoothly.
        const tenth = Math.floor((stage.sent / (stage.total || 1)) * 10) / 10;
        const percent = new Intl.NumberFormat(f.lang, { style: 'percent' }).format(tenth);
        return html`<label for="progress">${t.uploading(stage.name, percent)}</label>
          <progress id="progress" max=${stage.total} .value=${stage.sent}></progress>
          <p class="muted" aria-hidden="true">${t.megabytesOf(megabytes(stage.sent), megabytes(stage.total))}</p>`;
      }
      case 'importing':
        return html`<label for="progress">${t.importing(stage.name)}</label><progress id="progress"></progress>`;
      case 'failed':
        return html`<p class="error" role="alert">${stage.message}</p>`;
      case 'done':
        return this._renderSummary(t, stage.name, stage.summary);
    }
  }

  private _renderSummary(t: AdminStrings, name: string, s: ImportSummary) {
    const f = this.formats;
    const n = (value: number) => f.number(value);
    const parts = [
      ...Object.entries(s.comments.byStatus).map(([status, count]) => (isStatus(status) ? f.count(count, t.statusCounts[status]) : '')),
      ...Object.entries(s.comments.byKind).map(([kind, count]) =>
        kind === 'pingback' || kind === 'trackback' ? f.count(count, t.kinds[kind]) : '',
      ),
    ].filter(Boolean);
    // The reasons for skipping are the server's own words (in English).
    const skipped = Object.entries(s.skipped);
    const pending = s.comments.byStatus.pending ?? 0;
    return html`<div class="note">
      <p><strong>${t.imported(name, s.site, !!s.siteCreated)}</strong></p>
      <ul>
        <li>${t.threads(n(s.threads.created), n(s.threads.matched))}</li>
        <li>${t.comments(n(s.comments.imported))}${parts.length ? ` (${parts.join(', ')})` : ''}</li>
        <li>${t.skipped} ${skipped.length ? skipped.map(([reason, count]) => `${n(count)} ${reason}`).join('; ') : t.none}</li>
      </ul>
      ${
        s.warningCount
          ? html`<details>
            <summary>${f.count(s.warningCount, t.warnings)}</summary>
            <ul>
              ${s.warnings.map((warning) => html`<li>${warning}</li>`)}
              ${s.warningCount > s.warnings.length ? html`<li>${t.more(n(s.warningCount - s.warnings.length))}</li>` : nothing}
            </ul>
          </details>`
          : nothing
      }
      ${pending ? html`<p><a href="#queue">${f.count(pending, t.reviewHeld)}</a></p>` : nothing}
    </div>`;
  }

  private _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this._stage.kind === 'uploading' || this._stage.kind === 'importing') return;
    const form = new FormData(event.target as HTMLFormElement);
    const file = form.get('file');
    if (!(file instanceof File) || !file.name) return;
    const format = form.get('format') === 'disqus' ? 'disqus' : 'wordpress';
    const name = file.name;
    this._stage = { kind: 'uploading', name, sent: 0, total: file.size };
    this.dispatchEvent(
      new CustomEvent('riposte-admin-import', {
        bubbles: true,
        composed: true,
        detail: {
          format,
          site: String(form.get('site') ?? '').trim(),
          file,
          // Once every byte is sent, the server is reading the file: say so until it answers.
          progress: (sent: number, total: number) => {
            this._stage = sent >= total ? { kind: 'importing', name } : { kind: 'uploading', name, sent, total };
          },
          done: (result: ImportSummary | string) => {
            this._stage = typeof result === 'string' ? { kind: 'failed', message: result } : { kind: 'done', name, summary: result };
          },
        },
      }),
    );
  }
}

defineOnce('riposte-admin-transfer', RiposteAdminTransfer);

declare global {
  interface HTMLElementTagNameMap {
    'riposte-admin-transfer': RiposteAdminTransfer;
  }
}
