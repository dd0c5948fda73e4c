import "server-only";
import { DEFAULT_TIMEOUT_MS, synapseFetch, type SynapseCredentials } from "./client";
import { SynapseError } from "./errors";
import { msg } from "@/lib/i18n/message";

/** Uploads an image as the admin and returns its mxc:// URI, to be set as a user's avatar. */
export async function uploadAvatarImage(creds: SynapseCredentials, bytes: Blob, contentType: string, filename: string): Promise<string> {
  const body = await synapseFetch<{ content_uri?: string }>(creds, "/_matrix/media/v3/upload", {
    method: "POST",
    query: { filename },
    upload: { data: bytes, contentType },
    timeoutMs: DEFAULT_TIMEOUT_MS * 2,
  });
  if (typeof body.content_uri !== "string") throw new SynapseError(502, "M_UNKNOWN", msg("user.refusals.avatarRejected"));
  return body.content_uri;
}
