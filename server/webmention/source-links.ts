/**
 * What a source page links to, read from its parsed HTML (parse5, as a browser parses it), not
 * from its text: a URL in a comment, a script or plain prose is not a link. Relative links are
 * resolved against the page's <base href> and address.
 */
import { type DefaultTreeAdapterMap, parse } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Elements whose attribute points at another resource, as Webmention senders link to a post. */
const LINK_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  video: ['src'],
  audio: ['src'],
  source: ['src'],
  iframe: ['src'],
  blockquote: ['cite'],
  q: ['cite'],
  ins: ['cite'],
  del: ['cite'],
};

export interface SourceDocument {
  /** Every link's absolute URL, in document order. */
  links: string[];
  /** The <title>, whitespace collapsed; null when missing or empty. */
  title: string | null;
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** Every element, depth first. A <template>'s content hangs off `content`, not its children, so it is skipped: it is not part of the page. */
function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  for (const child of 'childNodes' in node ? node.childNodes : []) yield* elements(child);
}

export function readSourceDocument(html: string, address: string): SourceDocument {
  const all = [...elements(parse(html))];
  const baseHref = all.find((e) => e.tagName === 'base' && attribute(e, 'href') !== undefined);
  const base =
    baseHref && URL.canParse(attribute(baseHref, 'href')!, address) ? new URL(attribute(baseHref, 'href')!, address).href : address;
  const links: string[] = [];
  for (const element of all) {
    for (const name of LINK_ATTRIBUTES[element.tagName] ?? []) {
      const value = attribute(element, name)?.trim();
      if (value && URL.canParse(value, base)) links.push(new URL(value, base).href);
    }
  }
  const titleElement = all.find((e) => e.tagName === 'title');
  const title = titleElement?.childNodes
    .map((n) => ('value' in n && n.nodeName === '#text' ? n.value : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return { links, title: title || null };
}
