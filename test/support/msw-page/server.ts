import { readFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { startStaticSite } from '../static-site.js';

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
  const js = 'text/javascript; charset=utf-8';
  const page = { type: 'text/html; charset=utf-8', body: pageHtml() };
  const site = await startStaticSite({
    '/': page,
    '/index.html': page,
    '/page.js': { type: js, body: bundle.code },
    '/mockServiceWorker.js': { type: js, body: workerScript },
  });
  return { origin: site.origin, pageUrl: `${site.origin}/`, close: site.close };
}
