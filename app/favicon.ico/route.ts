// GET /favicon.ico – browsers, feed readers and bookmark tools ask for it
// even though every page links app/icon.svg; send them there instead of a 404.
// A relative Location keeps the redirect right behind a reverse proxy.
export const dynamic = "force-static";

export function GET(): Response {
  return new Response(null, { status: 308, headers: { Location: "/icon.svg", "Cache-Control": "public, max-age=86400" } });
}
