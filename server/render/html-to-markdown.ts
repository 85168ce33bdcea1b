/**
 * Derives a Markdown source from sanitised comment HTML (imported comments), so that a
 * later edit starts from the Markdown Riposte renders, not from HTML.
 */
import { decodeHTML } from 'entities';
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

/** Paragraphs of plain text and line breaks: the shape of most comments. */
const PLAIN_PARAGRAPHS = /^<p>[^<]*(?:<br \/>[^<]*)*<\/p>(?:\s*<p>[^<]*(?:<br \/>[^<]*)*<\/p>)*$/;

export function htmlToMarkdown(html: string): string {
  if (html === '') return '';
  // Turndown builds a DOM for every body, the slowest step of an import; plain paragraphs
  // need none and come out as turndown would write them (a test compares the two).
  if (PLAIN_PARAGRAPHS.test(html)) return plainParagraphs(html);
  return turndown.turndown(html);
}

function plainParagraphs(html: string): string {
  return html
    .slice('<p>'.length, -'</p>'.length)
    .split(/<\/p>\s*<p>/)
    .map((paragraph) =>
      paragraph
        .split('<br />')
        .map((line) =>
          turndown.escape(
            decodeHTML(line)
              .replace(/[ \t\r\n]+/g, ' ')
              .trim(),
          ),
        )
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** The general conversion, for tests that compare it with the fast path. */
export function htmlToMarkdownWithTurndown(html: string): string {
  return turndown.turndown(html);
}
