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
import { defineOnce } from '../define.ts';
import type { AdminSite, UploadFormat } from './admin-api.ts';
import { adminStyles } from './admin-styles.ts';

const FORMATS: Record<UploadFormat, string> = {
  wordpress: 'WordPress (WXR .xml)',
  disqus: 'Disqus (.xml)',
};

const n = (value: number) => value.toLocaleString('en');
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

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

  /** The sites, offered as suggestions for where the comments go (a new name makes a new site). */
  @property({ attribute: false }) sites: AdminSite[] = [];
  /** Where the download link points (the admin API's export). */
  @property({ attribute: false }) exportUrl = '';

  @state() private _stage: Stage = { kind: 'idle' };

  override render() {
    const busy = this._stage.kind === 'uploading' || this._stage.kind === 'importing';
    return html`<section aria-labelledby="import-title">
        <h3 id="import-title">Import comments</h3>
        <p class="muted">
          WordPress: Tools → Export → All content. Disqus: Moderation → Export, then unpack the .xml.gz it sends. Comments already imported are
          left as they are, so importing the same file (or a newer export) again adds only what is new.
        </p>
        <form @submit=${this._onSubmit}>
          <div class="field">
            <label for="format">Format</label>
            <select id="format" name="format">${Object.entries(FORMATS).map(([value, label]) => html`<option value=${value}>${label}</option>`)}</select>
          </div>
          <div class="field">
            <label for="site">Into site (a new name makes a new site)</label>
            <input id="site" name="site" list="site-list" required autocomplete="off" spellcheck="false" value="default" />
            <datalist id="site-list">${this.sites.map((site) => html`<option value=${site.id}>${site.name}</option>`)}</datalist>
          </div>
          <div class="field">
            <label for="file">Export file</label>
            <input id="file" name="file" type="file" accept=".xml,text/xml,application/xml" required />
          </div>
          <div class="row"><button class="primary" aria-disabled=${busy ? 'true' : 'false'}>Import</button></div>
        </form>
        <div class="live" aria-live="polite">${this._renderStage()}</div>
        <p class="note">
          To move a whole Riposte server (a Riposte export), restore it on the command line into a new database, with the server stopped:
          <code>riposte import riposte FILE --db new/riposte.db</code>.
        </p>
      </section>
      <section aria-labelledby="export-title">
        <h3 id="export-title">Export everything</h3>
        <p class="muted">
          Every site, thread, comment, like, ban and log entry as one JSON file, the same as <code>riposte export</code>. It holds readers' email
          addresses and the server's hashing key: keep it private.
        </p>
        <a class="secondary download" href=${this.exportUrl} download>Download export</a>
      </section>`;
  }

  private _renderStage() {
    const stage = this._stage;
    switch (stage.kind) {
      case 'idle':
        return nothing;
      case 'uploading': {
        // Announced in tenths, so a screen reader is not flooded; the bar itself moves smoothly.
        const tenth = Math.floor((stage.sent / (stage.total || 1)) * 10) * 10;
        return html`<label for="progress">Uploading ${stage.name}: ${tenth}%</label>
          <progress id="progress" max=${stage.total} .value=${stage.sent}></progress>
          <p class="muted" aria-hidden="true">${megabytes(stage.sent)} of ${megabytes(stage.total)}</p>`;
      }
      case 'importing':
        return html`<label for="progress">Importing ${stage.name}…</label><progress id="progress"></progress>`;
      case 'failed':
        return html`<p class="error" role="alert">${stage.message}</p>`;
      case 'done':
        return this._renderSummary(stage.name, stage.summary);
    }
  }

  private _renderSummary(name: string, s: ImportSummary) {
    const parts = [
      ...Object.entries(s.comments.byStatus).map(([status, count]) => `${n(count)} ${status}`),
      ...Object.entries(s.comments.byKind)
        .filter(([kind]) => kind !== 'comment')
        .map(([kind, count]) => `${n(count)} ${kind}${count === 1 ? '' : 's'}`),
    ];
    const skipped = Object.entries(s.skipped);
    const pending = s.comments.byStatus.pending ?? 0;
    return html`<div class="note">
      <p><strong>Imported ${name} into site “${s.site}”${s.siteCreated ? ' (a new site)' : ''}.</strong></p>
      <ul>
        <li>Threads: ${n(s.threads.created)} created, ${n(s.threads.matched)} already there</li>
        <li>Comments: ${n(s.comments.imported)} imported${parts.length ? ` (${parts.join(', ')})` : ''}</li>
        <li>Skipped: ${skipped.length ? skipped.map(([reason, count]) => `${n(count)} ${reason}`).join('; ') : 'none'}</li>
      </ul>
      ${
        s.warningCount
          ? html`<details>
            <summary>${n(s.warningCount)} warning${s.warningCount === 1 ? '' : 's'}</summary>
            <ul>
              ${s.warnings.map((warning) => html`<li>${warning}</li>`)}
              ${s.warningCount > s.warnings.length ? html`<li>… and ${n(s.warningCount - s.warnings.length)} more</li>` : nothing}
            </ul>
          </details>`
          : nothing
      }
      ${pending ? html`<p><a href="#queue">Review the ${n(pending)} held comment${pending === 1 ? '' : 's'} in the queue</a></p>` : nothing}
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
