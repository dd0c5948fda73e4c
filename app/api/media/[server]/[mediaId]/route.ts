import type { NextRequest } from "next/server";
import { requireAdmin, redirectIfSessionEnded } from "@/lib/auth/require-admin";
import { fetchMediaContent, type MediaVariant } from "@/lib/synapse/media-content";
import { isSynapseError } from "@/lib/synapse/errors";
import { mediaRefSchema } from "@/lib/schemas/media";

// Media proxy: thumbnails and downloads through the portal with the admin's token.
// ?thumb=WxH for a thumbnail (default 64x64 when thumb is empty), otherwise the original as an attachment.
export async function GET(request: NextRequest, { params }: { params: Promise<{ server: string; mediaId: string }> }) {
  const admin = await requireAdmin();
  const ref = mediaRefSchema.safeParse(await params);
  if (!ref.success) return new Response("Not a media reference", { status: 400 });
  const { server, mediaId } = ref.data;
  const thumb = request.nextUrl.searchParams.get("thumb");
  let variant: MediaVariant = { kind: "download" };
  if (thumb !== null) {
    const m = /^(\d{1,4})x(\d{1,4})$/.exec(thumb);
    variant = { kind: "thumbnail", width: m ? Number(m[1]) : 64, height: m ? Number(m[2]) : 64 };
  }
  let upstream: Response;
  try {
    upstream = await fetchMediaContent(admin.creds, server, mediaId, variant);
  } catch (e) {
    redirectIfSessionEnded(e);
    const status = isSynapseError(e) && e.status === 404 ? 404 : 502;
    return new Response(status === 404 ? "Media not found" : "The homeserver did not return this media", { status });
  }
  const type = upstream.headers.get("content-type") ?? "application/octet-stream";
  const headers = new Headers({
    "content-type": type,
    "cache-control": "private, max-age=300",
    "x-content-type-options": "nosniff",
    // Uploaded files are untrusted: never let one run as a page of the portal.
    "content-security-policy": "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
  });
  const length = upstream.headers.get("content-length");
  if (length) headers.set("content-length", length);
  if (variant.kind === "download") {
    headers.set("content-disposition", `attachment; filename="${mediaId.replace(/[^A-Za-z0-9._-]/g, "_")}"`);
  }
  return new Response(upstream.body, { status: 200, headers });
}
