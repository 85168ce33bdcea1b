/**
 * Reads an XML export as a stream with saxes, handing over one record element at a time
 * (a WordPress <item>, a Disqus <post>) as a small tree: memory stays that of one record,
 * whatever the file's size. Errors name the line and column. Files nested deeper, or with a
 * record larger, than any real export are refused as they are read (see the limits below).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { importErrorAt, type Position } from './import-error.ts';

export interface XmlElement {
  uri: string;
  local: string;
  /** Attribute values by namespace URI and local name: `${uri} ${local}`. */
  attributes: Map<string, string>;
  children: XmlElement[];
  /** The element's own text and CDATA, unchanged. */
  text: string;
  at: Position;
}

/**
 * Real exports nest 5 or 6 levels (rss > channel > item > wp:comment > field). saxes with
 * namespaces slows down more than linearly with depth (20,000 levels took 3.5 s, 200,000 did
 * not finish), and an import holds the database's write lock, so a deeper file is refused.
 */
export const MAX_XML_DEPTH = 64;

/**
 * Text (and attribute values) one record may hold. A WordPress <item> carries its post and
 * all of the post's comments, about 1 KB each with the markup's whitespace, so this leaves
 * room for some 30,000 comments on one post while a hostile record cannot fill memory.
 */
export const MAX_RECORD_CHARS = 32 * 1024 * 1024;

export interface RecordReader {
  /** Elements at this depth (the root is 0) are handed over whole. */
  recordDepth: number;
  /** Checks the root element; returns a problem ("not a Disqus export ...") to stop the import. */
  checkRoot(uri: string, local: string, namespaces: Record<string, string>): string | undefined;
  /** Handles one record; may be called before the file has been read to its end. */
  record(element: XmlElement): Promise<void>;
  /** Called once the whole file has been read. */
  finish?(): Promise<void>;
}

export async function readXmlRecords(chunks: AsyncIterable<string>, sourceName: string, reader: RecordReader): Promise<void> {
  const parser = new SaxesParser({ xmlns: true });
  const open: XmlElement[] = [];
  let depth = -1;
  /** Characters kept for the record being read. */
  let recordChars = 0;
  /** Records closed by the chunk just parsed, handed over (and written) before the next chunk is read. */
  const closed: XmlElement[] = [];
  const here = (): Position => ({ line: parser.line, column: parser.column });

  parser.on('error', (err) => {
    // saxes prefixes "line:column: "; the position is given our way instead.
    const prefix = `${parser.line}:${parser.column}: `;
    const reason = err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
    throw importErrorAt(sourceName, here(), `not well-formed XML (${reason.replace(/\.$/, '')})`);
  });
  const tooLarge = () => {
    const record = open[0]!;
    return importErrorAt(
      sourceName,
      here(),
      `the <${record.local}> that starts on line ${record.at.line} holds more than ${MAX_RECORD_CHARS / 1024 / 1024} MB of text; not an export Riposte reads`,
    );
  };
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth++;
    if (depth >= MAX_XML_DEPTH) {
      throw importErrorAt(
        sourceName,
        here(),
        `elements nested more than ${MAX_XML_DEPTH} deep; real exports nest a few levels, so this is not one`,
      );
    }
    if (depth === 0) {
      const problem = reader.checkRoot(tag.uri, tag.local, tag.ns);
      if (problem) throw importErrorAt(sourceName, here(), problem);
    }
    if (depth < reader.recordDepth) return;
    const element: XmlElement = { uri: tag.uri, local: tag.local, attributes: new Map(), children: [], text: '', at: here() };
    if (depth === reader.recordDepth) recordChars = 0;
    for (const attribute of Object.values(tag.attributes)) {
      recordChars += attribute.value.length;
      element.attributes.set(`${attribute.uri} ${attribute.local}`, attribute.value);
    }
    open.at(-1)?.children.push(element);
    open.push(element);
    if (recordChars > MAX_RECORD_CHARS) throw tooLarge();
  });
  const addText = (text: string) => {
    const current = open.at(-1);
    if (!current) return;
    recordChars += text.length;
    if (recordChars > MAX_RECORD_CHARS) throw tooLarge();
    current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    if (depth >= reader.recordDepth) {
      const element = open.pop()!;
      if (depth === reader.recordDepth) closed.push(element);
    }
    depth--;
  });

  for await (const chunk of chunks) {
    parser.write(chunk);
    for (const element of closed.splice(0)) await reader.record(element);
  }
  parser.close();
  for (const element of closed.splice(0)) await reader.record(element);
  await reader.finish?.();
}

/** The first child with this namespace URI and local name. */
export function child(element: XmlElement, uri: string, local: string): XmlElement | undefined {
  return element.children.find((c) => c.local === local && c.uri === uri);
}

export function children(element: XmlElement, uri: string, local: string): XmlElement[] {
  return element.children.filter((c) => c.local === local && c.uri === uri);
}

/** A child's text, trimmed; '' when the child is missing. */
export function childText(element: XmlElement, uri: string, local: string): string {
  return child(element, uri, local)?.text.trim() ?? '';
}
