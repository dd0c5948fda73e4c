// The one shape of every CSV the portal hands out (exports, the import report, the import template).

/** A CSV response the browser saves as `filename`; never cached (it holds this homeserver's data). */
export function csvDownload(body: BodyInit, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
