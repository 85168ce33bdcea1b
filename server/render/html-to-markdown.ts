/**
 * Derives a Markdown source from sanitised comment HTML (imported comments), so that a
 * later edit starts from the Markdown Riposte renders, not from HTML.
 */
import TurndownService from 'turndown';

const turndown = new TurndownService({
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  emDelimiter: '*',
  strongDelimiter: '**',
  // Riposte's Markdown turns a single newline into a line break, so no trailing spaces are needed.
  br: '',
})
  .addRule('strikethrough', { filter: ['del', 's'], replacement: (content) => `~~${content}~~` })
  .addRule('inline-quote', { filter: ['q'], replacement: (content) => `“${content}”` });

export function htmlToMarkdown(html: string): string {
  return html === '' ? '' : turndown.turndown(html);
}
