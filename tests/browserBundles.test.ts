/**
 * The browser bundles as served: the socket.io client's WebTransport code, which our gateway
 * never offers, is left out (the pages still connect: the browser tests use these bundles).
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUNDLES, buildBrowserBundle } from "../functions/local/staticAssets.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

describe("browser bundles", () => {
  it.each(["/web-chat.js", "/console.js"] as const)(
    "%s carries no WebTransport client",
    async (path) => {
      const bundle = (await buildBrowserBundle(ROOT, BUNDLES[path])).toString("utf8");

      // socket.io's client is there; the WebTransport transport's stream handling is not.
      expect(bundle).toContain("websocket");
      expect(bundle).not.toContain("createBidirectionalStream");
      expect(bundle).toContain("WebTransport is not offered by this service");
    },
  );

  // The server validates; a page that imports a constant from a contract beside a schema
  // (LANGS beside langSchema) must not carry zod, some 20 kB gzipped (the studio once did).
  it.each(Object.keys(BUNDLES) as (keyof typeof BUNDLES)[])("%s carries no zod", async (path) => {
    const bundle = (await buildBrowserBundle(ROOT, BUNDLES[path])).toString("utf8");

    expect(bundle).not.toMatch(/\$ZodType|ZodError/);
  });
});
