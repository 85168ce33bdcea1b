/** `<riposte-admin-rules>`: one site's rules (moderation, guests, closing, spam defence, origins, alerts, webhooks), saved at once. */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MODERATION_MODES, VOTE_MODES } from '../../shared/moderation.ts';
import type { SiteSettings } from '../../shared/site-settings.ts';
import { defineOnce } from '../define.ts';
import type { AdminSite } from './admin-api.ts';
import { request } from './admin-events.ts';
import { adminStyles } from './admin-styles.ts';
import type { AdminStrings, NumberSetting } from './admin-strings.ts';

/** The settings edited as numbers, in the order shown (their label and unit: AdminStrings.numbers). */
const NUMBERS: NumberSetting[] = ['maxLinks', 'minSeconds', 'closeAfterDays', 'editWindowMinutes', 'keepIpHashDays', 'keepEmailDays'];

/** @fires riposte-admin-save-site - Save the site's origins and settings. */
export class RiposteAdminRules extends LitElement {
  static override styles = [
    adminStyles,
    css`
      :host {
        padding: 0;
      }
      form {
        display: grid;
        gap: 1rem;
        max-width: 36rem;
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        display: grid;
        gap: 0.6rem;
      }
      .inline {
        display: flex;
        gap: 0.5em;
        align-items: center;
        flex-wrap: wrap;
      }
      .inline input {
        width: 6em;
      }
    `,
  ];

  /** The view's strings, in the owner's language. */
  @property({ attribute: false }) t!: AdminStrings;
  /** The site whose rules are shown. */
  @property({ attribute: false }) site!: AdminSite;
  /** The server sends mail: owner alerts are offered. */
  @property({ attribute: false }) mail = false;

  @state() private _busy = false;
  @state() private _error = '';

  override render() {
    const { t } = this;
    const s = this.site.settings;
    return html`<form @submit=${this._onSubmit}>
      <fieldset>
        <legend>${t.moderation}</legend>
        ${MODERATION_MODES.map(
          (mode) =>
            html`<label class="check"><input type="radio" name="moderation" value=${mode} ?checked=${s.moderation === mode} />${t.modes[mode]}</label>`,
        )}
      </fieldset>
      <fieldset>
        <legend>${t.whoMayComment}</legend>
        <label class="check"><input type="checkbox" name="guests" ?checked=${s.guests} />${t.guests}</label>
        <label class="check"><input type="checkbox" name="emailRequired" ?checked=${s.emailRequired} />${t.emailRequired}</label>
        <label class="check"><input type="checkbox" name="showPingbacks" ?checked=${s.showPingbacks} />${t.showPingbacks}</label>
      </fieldset>
      <fieldset>
        <legend>${t.votesLegend}</legend>
        ${VOTE_MODES.map(
          (mode) =>
            html`<label class="check"><input type="radio" name="votes" value=${mode} ?checked=${s.votes === mode} />${t.voteModes[mode]}</label>`,
        )}
      </fieldset>
      <fieldset>
        <legend>${t.limits}</legend>
        ${NUMBERS.map((name) => {
          const [label, unit] = t.numbers[name];
          return html`<div class="inline">
            <label for=${name}>${label}</label>
            <input id=${name} name=${name} type="number" min="0" inputmode="numeric" required .value=${String(s[name])} />
            <span class="muted">${unit}</span>
          </div>`;
        })}
      </fieldset>
      <div class="field">
        <label for="blockedWords">${t.blockedWords}</label>
        <textarea id="blockedWords" name="blockedWords" .value=${s.blockedWords.join('\n')}></textarea>
      </div>
      <div class="field">
        <label for="origins">${t.origins}</label>
        <textarea id="origins" name="origins" .value=${this.site.origins.join('\n')}></textarea>
        <p class="muted">
          ${t.configuredOrigins}
          ${this.site.configuredOrigins.map(({ origin, from }, i) => html`${i ? ', ' : ''}<span class="configured-origin">${origin} (${from})</span>`)}
        </p>
      </div>
      <fieldset>
        <legend>${t.alertsAndWebhooks}</legend>
        ${
          this.mail
            ? html`<div class="field">
                <label for="alertsAll">${t.alertsAll}</label>
                <textarea id="alertsAll" name="alertsAll" .value=${s.alertsAll.join('\n')}></textarea>
              </div>
              <div class="field">
                <label for="alertsHeld">${t.alertsHeld}</label>
                <textarea id="alertsHeld" name="alertsHeld" .value=${s.alertsHeld.join('\n')}></textarea>
              </div>`
            : nothing
        }
        <div class="field">
          <label for="webhooks">${t.webhooks}</label>
          <textarea id="webhooks" name="webhooks" .value=${s.webhooks.join('\n')}></textarea>
        </div>
        ${s.webhookSecret ? html`<p class="muted">${t.webhookSecret} <code>${s.webhookSecret}</code></p>` : nothing}
      </fieldset>
      <div class="row">
        <button class="primary" ?disabled=${this._busy}>${t.saveRules}</button>
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
    </form>`;
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '');
    const lines = (name: string) =>
      text(name)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    const moderation = MODERATION_MODES.find((mode) => mode === text('moderation')) ?? this.site.settings.moderation;
    const votes = VOTE_MODES.find((mode) => mode === text('votes')) ?? this.site.settings.votes;
    const settings: Partial<SiteSettings> = {
      moderation,
      votes,
      guests: form.get('guests') === 'on',
      emailRequired: form.get('emailRequired') === 'on',
      showPingbacks: form.get('showPingbacks') === 'on',
      blockedWords: lines('blockedWords'),
      webhooks: lines('webhooks'),
      ...(this.mail ? { alertsAll: lines('alertsAll'), alertsHeld: lines('alertsHeld') } : {}),
      ...Object.fromEntries(NUMBERS.map((name) => [name, Number(text(name))])),
    };
    this._busy = true;
    this._error = (await request(this, 'riposte-admin-save-site', { id: this.site.id, origins: lines('origins'), settings })) ?? '';
    this._busy = false;
  }
}

defineOnce('riposte-admin-rules', RiposteAdminRules);

declare global {
  interface HTMLElementTagNameMap {
    'riposte-admin-rules': RiposteAdminRules;
  }
}
