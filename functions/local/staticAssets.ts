import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";

export interface Asset {
  body: Buffer;
  contentType: string;
}

/** Browser bundles the local server builds in memory at start (nothing generated on disk). */
export const BUNDLES = {
  "/web-chat.js": "web-chat/src/main.ts",
  "/console.js": "handoff-console/src/main.tsx",
  "/console-reports.js": "handoff-console/src/reports/main.tsx",
  "/studio.js": "content-studio/src/main.tsx",
} as const;

const PAGES = {
  "/": "web-chat/demo.html",
  "/console": "handoff-console/index.html",
  "/console/reports": "handoff-console/reports.html",
  "/studio": "content-studio/index.html",
} as const;

/**
 * socket.io's client carries a WebTransport transport (with the stream codecs it needs) that
 * the package cannot leave out. Our gateway never offers WebTransport (socket.io's server
 * enables it only when configured so), so the client never upgrades to it: the code is dead
 * weight in every page, about 0.8 kB gzipped. A stand-in takes its place and says so if a
 * server ever offers it.
 */
const withoutWebTransport: Plugin = {
  name: "without-webtransport",
  setup(plugin) {
    plugin.onLoad(
      { filter: /engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]webtransport\.js$/ },
      () => ({
        contents:
          'export class WT { constructor() { throw new Error("WebTransport is not offered by this service"); } }',
        loader: "js",
      }),
    );
  },
};

/**
 * Builds one browser bundle exactly as it is served: minified IIFE for es2020. The web chat's
 * size budget (web-chat/scripts/checkBundleSize.ts) measures this same output.
 */
export async function buildBrowserBundle(root: string, entry: string): Promise<Buffer> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020"],
    write: false,
    legalComments: "none",
    logLevel: "silent",
    plugins: [withoutWebTransport],
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return Buffer.from(file.contents);
}

/** Bundles the web chat, console and studio and reads their pages; done once at start-up. */
export async function loadStaticAssets(root: string): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  const bundled = await Promise.all(
    Object.entries(BUNDLES).map(
      async ([path, entry]) => [path, await buildBrowserBundle(root, entry)] as const,
    ),
  );
  for (const [path, body] of bundled) {
    assets.set(path, { body, contentType: "text/javascript; charset=utf-8" });
  }
  for (const [path, file] of Object.entries(PAGES)) {
    assets.set(path, {
      body: await readFile(join(root, file)),
      contentType: "text/html; charset=utf-8",
    });
  }
  return assets;
}

/**
 * Writes an asset with security headers suitable for the pages we serve; `connectSrc` names
 * where the pages may connect (themselves and the allowed origins, never any host).
 */
export function sendAsset(res: ServerResponse, asset: Asset, connectSrc = "'self'"): void {
  res.writeHead(200, {
    "content-type": asset.contentType,
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "content-security-policy": `default-src 'self'; connect-src ${connectSrc}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'`,
  });
  res.end(asset.body);
}
