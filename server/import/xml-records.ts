/**
 * Reads an XML export as a stream with saxes, handing over one record element at a time
 * (a WordPress <item>, a Disqus <post>) as a small tree: memory stays that of one record,
 * whatever the file's size. Errors name the line and column.
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

export interface RecordReader {
  /** Elements at this depth (the root is 0) are handed over whole. */
  recordDepth: number;
  /** Checks the root element; returns a problem ("not a Disqus export ...") to stop the import. */
  checkRoot(uri: string, local: string, namespaces: Record<string, string>): string | undefined;
  /** Handles one record; may be called before the file has been read to its end. */
  record(element: XmlElement): void;
  /** Called once the whole file has been read. */
  finish?(): void;
}

export async function readXmlRecords(chunks: AsyncIterable<string>, sourceName: string, reader: RecordReader): Promise<void> {
  const parser = new SaxesParser({ xmlns: true });
  const open: XmlElement[] = [];
  let depth = -1;
  const here = (): Position => ({ line: parser.line, column: parser.column });

  parser.on('error', (err) => {
    // saxes prefixes "line:column: "; the position is given our way instead.
    const prefix = `${parser.line}:${parser.column}: `;
    const reason = err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
    throw importErrorAt(sourceName, here(), `not well-formed XML (${reason.replace(/\.$/, '')})`);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth++;
    if (depth === 0) {
      const problem = reader.checkRoot(tag.uri, tag.local, tag.ns);
      if (problem) throw importErrorAt(sourceName, here(), problem);
    }
    if (depth < reader.recordDepth) return;
    const element: XmlElement = { uri: tag.uri, local: tag.local, attributes: new Map(), children: [], text: '', at: here() };
    for (const attribute of Object.values(tag.attributes)) element.attributes.set(`${attribute.uri} ${attribute.local}`, attribute.value);
    open.at(-1)?.children.push(element);
    open.push(element);
  });
  const addText = (text: string) => {
    const current = open.at(-1);
    if (current) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    if (depth >= reader.recordDepth) {
      const element = open.pop()!;
      if (depth === reader.recordDepth) reader.record(element);
    }
    depth--;
  });

  for await (const chunk of chunks) parser.write(chunk);
  parser.close();
  reader.finish?.();
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
