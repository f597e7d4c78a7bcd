import { renderFeed } from "@/lib/server/calendar-feeds/feeds";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * A private calendar feed, /api/feeds/{token}.ics, for Google, Apple or
 * Outlook to subscribe to. A malformed, unknown or replaced token, or one
 * whose member may no longer see it, is the same plain 404: nothing says
 * which. The secret is in the path, so the answer is never cached by a
 * shared cache, and the page sends no Referer.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!file.endsWith(".ics")) return notFound();
  const feed = await renderFeed(file.slice(0, -".ics".length));
  if (!feed) return notFound();
  return new Response(feed.ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="visits.ics"',
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex, nofollow",
    },
  });
}
