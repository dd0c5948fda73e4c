import "server-only";
import { buildUrl, DEFAULT_TIMEOUT_MS, type SynapseCredentials } from "./client";
import { httpFetch } from "./http";
import { SynapseError } from "./errors";

/** Uploads an image as the admin and returns its mxc:// URI, to be set as a user's avatar. */
export async function uploadAvatarImage(creds: SynapseCredentials, bytes: Blob, contentType: string, filename: string): Promise<string> {
  const url = buildUrl(creds.baseUrl, "/_matrix/media/v3/upload", { filename });
  const res = await httpFetch(
    url,
    {
      method: "POST",
      headers: { authorization: `Bearer ${creds.accessToken}`, "content-type": contentType, accept: "application/json" },
      body: bytes,
    },
    { timeoutMs: DEFAULT_TIMEOUT_MS * 2 },
  );
  const body = (await res.json().catch(() => ({}))) as { content_uri?: string; errcode?: string; error?: string };
  if (!res.ok || typeof body.content_uri !== "string") {
    throw new SynapseError(res.status, body.errcode ?? `HTTP_${res.status}`, body.error ?? "The homeserver did not accept the image.");
  }
  return body.content_uri;
}
