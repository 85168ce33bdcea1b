/** Serves the demo blog page on its own origin, pointing its script tag at the comment server. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, type Server } from 'node:http';

const PAGE = fileURLToPath(new URL('./index.html', import.meta.url));

export interface DemoBlog {
  url: string;
  close(): Promise<void>;
}

export function startDemoBlog(host: string, port: number, riposteUrl: string): Promise<DemoBlog> {
  const html = readFileSync(PAGE, 'utf8').replaceAll('{{RIPOSTE_URL}}', riposteUrl);
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://demo').pathname;
    if (path !== '/' && path !== '/index.html') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found: the demo blog has one page, /\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).end(html);
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
