/**
 * `<riposte-count>`: "9 Responses" for a page, on an index page. Readers of a thread never
 * need it, so only this stub is in embed.js; its work (one batched request for all counts on
 * the page, the words in the page's language) loads when the first count is on the page.
 */
export class RiposteCount extends HTMLElement {
  /** The comment server's root URL, set by embed.ts from where the script was loaded. */
  static defaultServer = '';

  connectedCallback(): void {
    import('./count/counts.ts').then(
      (counts) => counts.countLater(this, RiposteCount.defaultServer),
      (error: unknown) => console.error('Riposte: comment counts could not be loaded; reload to try again.', error),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'riposte-count': RiposteCount;
  }
}
