import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { WireComment } from '../../../shared/wire.ts';
import { useTestApp } from '../../helpers/test-app.ts';

const t = useTestApp();

/** Parses XML strictly (throws on anything malformed) and collects element texts and attributes. */
function parseXml(xml: string) {
  const parser = new SaxesParser({ xmlns: true });
  const elements: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const open: (typeof elements)[number][] = [];
  parser.on('opentag', (tag) => {
    const element = {
      name: tag.local,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])),
      text: '',
    };
    elements.push(element);
    open.push(element);
  });
  const addText = (text: string) => {
    for (const element of open) element.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => open.pop());
  parser.write(xml).close();
  return elements;
}

const ATOM_ELEMENTS = new Set([
  'feed',
  'id',
  'title',
  'updated',
  'generator',
  'link',
  'rights',
  'entry',
  'published',
  'content',
  'author',
  'name',
  'uri',
]);

type Node = DefaultTreeAdapterMap['node'];
const walk = (node: Node): Node[] => [node, ...('childNodes' in node ? node.childNodes.flatMap(walk) : [])];
/** The tags an HTML fragment holds, as a browser or feed reader would parse it. */
const htmlElements = (html: string) => walk(parseFragment(html)).flatMap((n) => ('tagName' in n ? [n.tagName] : []));
/** Its text, entities decoded. */
const htmlText = (html: string) =>
  walk(parseFragment(html))
    .flatMap((n) => (n.nodeName === '#text' && 'value' in n ? [n.value] : []))
    .join('');

describe('GET /feeds/thread.atom', () => {
  it('is valid Atom whose entries link to the comment permalinks', async () => {
    const url = 'https://blog.example/post';
    const first = (await (
      await t.post({ page: url, url, title: 'A <post> & more', body: 'Hi *there*', author: { name: 'Ann & "Bo"' } })
    ).json()) as { comment: WireComment };
    await t.post({ page: url, body: 'second', author: { name: 'Cy' } });

    const res = await t.app.request(`/feeds/thread.atom?page=${encodeURIComponent(url)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const elements = parseXml(await res.text());
    expect(elements[0]!.name).toBe('feed');
    expect(elements.find((e) => e.name === 'title')!.text).toBe('Comments on A <post> & more');
    const entries = elements.filter((e) => e.name === 'entry');
    expect(entries).toHaveLength(2);
    const links = elements.filter((e) => e.name === 'link' && !e.attributes.rel).map((e) => e.attributes.href);
    expect(links).toContain(`${url}#comment-${first.comment.id}`);
    const ids = elements.filter((e) => e.name === 'id').map((e) => e.text);
    expect(ids).toContain(`tag:127.0.0.1:8787,2026:default/comment/${first.comment.id}`);
    expect(elements.filter((e) => e.name === 'name').map((e) => e.text)).toContain('Ann & "Bo"');
    expect(elements.filter((e) => e.name === 'content').map((e) => e.text)).toContain('<p>Hi <em>there</em></p>');
  });

  it('stays valid XML whatever characters posters send', async () => {
    const url = 'https://blog.example/odd';
    const odd = 'a\u0001b\u000Bc\uFFFEd\uFFFF\uD800e';
    expect((await t.post({ page: url, url, title: `Title ${odd}`, body: `Body ${odd}`, author: { name: `Name ${odd}` } })).status).toBe(
      201,
    );
    const elements = parseXml(await (await t.app.request(`/feeds/thread.atom?page=${encodeURIComponent(url)}`)).text());
    expect(elements.find((e) => e.name === 'name')!.text).toBe('Name abcde');
    expect(elements.find((e) => e.name === 'title')!.text).toBe('Comments on Title abcde');
  });

  it('escapes every field: names, titles, links and bodies come out as text, never as markup', async () => {
    const url = 'https://blog.example/hostile';
    const name = 'Eve <script>alert(1)</script> ]]> & ]]><x>';
    const title = 'T <b>bold</b> ]]> & ]]><y>';
    const body = 'a ]]> b ]]> c <img src=x onerror=alert(1)> [link](https://e.example/?a="><script>)';
    const website = 'https://eve.example/?q=<script>&x="y"';
    expect((await t.post({ page: url, url, title, body, author: { name, website } })).status).toBe(201);
    const xml = await (await t.app.request(`/feeds/thread.atom?page=${encodeURIComponent(url)}`)).text();
    // Strict XML: a second "]]>" left unescaped in a CDATA section would end it and open elements of its own.
    const elements = parseXml(xml);
    expect(elements.map((e) => e.name).filter((n) => !ATOM_ELEMENTS.has(n))).toEqual([]);
    expect(elements.find((e) => e.name === 'title')!.text).toBe(`Comments on ${title}`);
    const entry = elements.findIndex((e) => e.name === 'entry');
    const inEntry = elements.slice(entry);
    // Fields declared as HTML are read as HTML by feed readers: as HTML, the title is text only.
    const entryTitle = inEntry.find((e) => e.name === 'title')!;
    expect(entryTitle.attributes.type).toBe('html');
    expect(htmlElements(entryTitle.text)).toEqual([]);
    expect(htmlText(entryTitle.text)).toBe(`Comment by ${name}`);
    // The body's HTML is the sanitised one, and only that.
    const content = inEntry.find((e) => e.name === 'content')!;
    expect(htmlElements(content.text).filter((tag) => !['p', 'a'].includes(tag))).toEqual([]);
    expect(htmlText(content.text)).toContain('a ]]> b ]]> c');
    expect(inEntry.find((e) => e.name === 'name')!.text).toBe(name);
    expect(new URL(inEntry.find((e) => e.name === 'uri')!.text).hostname).toBe('eve.example');
  });

  it('answers an empty feed for a page without comments, and 404 for an unknown site', async () => {
    const empty = await t.app.request('/feeds/thread.atom?page=nothing-here');
    expect(parseXml(await empty.text()).filter((e) => e.name === 'entry')).toHaveLength(0);
    expect((await t.app.request('/feeds/thread.atom?page=x&site=nope')).status).toBe(404);
    const noPage = await t.app.request('/feeds/thread.atom');
    expect(noPage.status).toBe(400);
    expect(((await noPage.json()) as { error: { fields: Record<string, string> } }).error.fields.page).toBe('Page is required.');
  });
});
