import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { builtinModules, createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The page's entry: `setupWorker` from msw/browser over `createOktaHandlers` from src/msw.ts. */
export const PAGE_ENTRY = fileURLToPath(new URL('./page.ts', import.meta.url));

export interface BrowserBundle {
  code: string;
  metafile: Metafile;
  /** Every import of a Node built-in (`node:*` or a bare built-in name) anywhere in the bundle's graph. */
  nodeImports: string[];
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * Bundles `entry` as a browser would load it: esbuild with `platform: 'browser'`
 * (the `browser` export conditions, no Node built-ins: esbuild fails the build
 * on any it cannot resolve). Nothing is marked external, so an import of a
 * built-in anywhere below the entry throws here.
 */
export async function bundleForBrowser(entry: string): Promise<BrowserBundle> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const nodeImports: string[] = [];
  for (const [input, info] of Object.entries(result.metafile.inputs)) {
    if (input.startsWith('node:') || NODE_BUILTINS.has(input)) nodeImports.push(input);
    for (const imported of info.imports) {
      if (imported.path.startsWith('node:') || NODE_BUILTINS.has(imported.path)) nodeImports.push(`${input} -> ${imported.path}`);
    }
  }
  return { code: result.outputFiles[0]!.text, metafile: result.metafile, nodeImports };
}

export interface MswPageServer {
  /** `http://127.0.0.1:<port>`: the page origin the handlers see. */
  origin: string;
  /** The page; add `?simulateCors=0`, `?persist=1`, `?empty=1`. */
  pageUrl: string;
  close(): Promise<void>;
}

function pageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>okta-mock under MSW's setupWorker</title>
<script type="module" src="/page.js"></script></head>
<body><h1>okta-mock/msw page</h1></body>
</html>`;
}

/**
 * Serves the bundled page, its HTML and MSW's worker script (from the msw
 * actually installed, so the worker and the library agree) on 127.0.0.1.
 */
export async function startMswPageServer(bundle: BrowserBundle): Promise<MswPageServer> {
  const workerScript = await readFile(require.resolve('msw/mockServiceWorker.js'), 'utf8');
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://page.invalid').pathname;
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (req.method !== 'GET') return send(405, 'text/plain', 'method not allowed');
    if (path === '/' || path === '/index.html') return send(200, 'text/html; charset=utf-8', pageHtml());
    if (path === '/page.js') return send(200, 'text/javascript; charset=utf-8', bundle.code);
    if (path === '/mockServiceWorker.js') return send(200, 'text/javascript; charset=utf-8', workerScript);
    return send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    pageUrl: `${origin}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
