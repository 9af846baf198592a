import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

// The interactive docs are served from the swagger-ui-dist npm package, never
// a CDN, so they work in air-gapped networks. Only these files are exposed.
export const SWAGGER_ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui-standalone-preset.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
  "favicon-16x16.png": "image/png",
};

/** The file's bytes and content type, or null when it is not on the allow-list. */
export async function readSwaggerAsset(file: string): Promise<{ bytes: Buffer; type: string } | null> {
  const type = Object.hasOwn(SWAGGER_ASSETS, file) ? SWAGGER_ASSETS[file] : undefined;
  if (!type) return null;
  const dir = path.join(process.cwd(), "node_modules", "swagger-ui-dist");
  return { bytes: await readFile(path.join(dir, file)), type };
}

/** Started by the docs page; a file rather than inline script so a strict CSP can allow 'self' only. */
export const SWAGGER_INIT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    withCredentials: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout",
  });
});
`;

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>IPAM API reference</title>
  <link rel="stylesheet" href="/api/v1/docs/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="/api/v1/docs/assets/favicon-32x32.png">
</head>
<body style="margin:0">
  <!-- The way back to the app: this page is served outside its layout (no React, no nonce needed). -->
  <header style="display:flex;align-items:center;gap:12px;padding:10px 20px;border-bottom:1px solid #e2e8f0;font:14px/1.4 system-ui,sans-serif">
    <a href="/" style="color:#4338ca;font-weight:600;text-decoration:none">&larr; Back to IPAM</a>
    <span style="color:#475569">API reference</span>
  </header>
  <main id="swagger-ui"></main>
  <script src="/api/v1/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/v1/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script src="/api/v1/docs/assets/init.js"></script>
</body>
</html>
`;
