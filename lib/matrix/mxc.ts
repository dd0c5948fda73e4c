// mxc:// content URIs. Client-safe.
import { isValidServerName } from "./mxid";

/** A file on a server: what an mxc://server/mediaId URI names. */
export type MediaRef = { server: string; mediaId: string };

// Matrix spec: mxc://<server-name>/<media-id>, the media ID of A-Z a-z 0-9 _ and - only.
const MXC = /^mxc:\/\/([^/]+)\/([A-Za-z0-9_-]+)$/;

export function parseMxc(uri: string | null | undefined): MediaRef | null {
  const m = MXC.exec(uri ?? "");
  return m && isValidServerName(m[1]) ? { server: m[1], mediaId: m[2] } : null;
}

export const mxcUri = (ref: MediaRef) => `mxc://${ref.server}/${ref.mediaId}`;
