/**
 * `<riposte-recent site="…" limit="5">`: a site's newest comments for a sidebar ("Ann on Hello
 * world", each a link to the comment). Only this stub is in embed.js; its work
 * (count/recent-comments.ts) loads where the element is on the page.
 */
export class RiposteRecent extends HTMLElement {
  /** The comment server's root URL, set by embed.ts from where the script was loaded. */
  static defaultServer = '';

  connectedCallback(): void {
    import('./count/recent-comments.ts').then(
      (recent) => recent.showRecent(this, RiposteRecent.defaultServer),
      (error: unknown) => console.error('Riposte: recent comments could not be loaded; reload to try again.', error),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'riposte-recent': RiposteRecent;
  }
}
