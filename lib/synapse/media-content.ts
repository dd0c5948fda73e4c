import "server-only";
import { encodeId, synapseFetchRaw, type SynapseCredentials } from "./client";

export type MediaVariant = { kind: "download" } | { kind: "thumbnail"; width: number; height: number };

/**
 * Bytes of a media file, fetched with the admin's token: Synapse's media is authenticated, so the
 * browser can't load it directly. Quarantined media is fetched only as a full download (admin bypass).
 */
export async function fetchMediaContent(
  creds: SynapseCredentials,
  serverName: string,
  mediaId: string,
  variant: MediaVariant,
): Promise<Response> {
  const base = `/_matrix/client/v1/media/${variant.kind}/${encodeId(serverName)}/${encodeId(mediaId)}`;
  const query =
    variant.kind === "thumbnail"
      ? { width: variant.width, height: variant.height, method: "scale", allow_redirect: false }
      : { admin_unsafely_bypass_quarantine: true };
  return synapseFetchRaw(creds, base, { query, timeoutMs: 30_000 });
}
