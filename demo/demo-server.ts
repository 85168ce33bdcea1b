/**
 * Serves the demo blog page on its own origin, pointing its script tag at the comment server
 * and including the thread as the server draws it (as a blog's server-side include would), so
 * the comments are in the page for readers without JavaScript and for search engines.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { projectPath } from '../server/runtime/project-root.ts';

const PAGE = projectPath('demo/index.html');
/** The `page-id` of the demo post's `<riposte-thread>`. */
const DEMO_PAGE_ID = 'marine-le-pen-moscow-2017';

export interface DemoBlog {
  url: string;
  close(): Promise<void>;
}

/** The thread's HTML fragment, or nothing when the comment server does not answer in time (the widget still loads it). */
async function commentsHtml(riposteUrl: string): Promise<string> {
  try {
    const res = await fetch(`${riposteUrl}/api/v1/threads/html?lang=en&page=${DEMO_PAGE_ID}`, { signal: AbortSignal.timeout(2000) });
    return res.ok ? await res.text() : '';
  } catch {
    return '';
  }
}

export function startDemoBlog(host: string, port: number, riposteUrl: string): Promise<DemoBlog> {
  const html = readFileSync(PAGE, 'utf8').replaceAll('{{RIPOSTE_URL}}', riposteUrl);
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://demo').pathname;
    if (path !== '/' && path !== '/index.html') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found: the demo blog has one page, /\n');
      return;
    }
    const page = html.replace('{{COMMENTS_HTML}}', await commentsHtml(riposteUrl));
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).end(page);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host}:${actualPort}/`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
