/**
 * A tiny static file server on 127.0.0.1 and a random port, for the built preview (and the
 * Excel build beside it: with several roots, a path is served from the first that has it).
 */
import { createReadStream, existsSync, statSync } from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { extname, join, normalize, sep } from 'path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export function serveStatic(roots: string | string[]): Promise<StaticServer> {
  const bases = (Array.isArray(roots) ? roots : [roots]).map((root) => normalize(root + sep));
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = bases
      .map((base) => ({ base, file: normalize(join(base, path === '/' ? 'preview.html' : path)) }))
      .find(({ base, file }) => file.startsWith(base) && existsSync(file) && !statSync(file).isDirectory())?.file;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('niet gevonden');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
