// Test-side media helpers for the media journeys, the media integration tests and the benchmark.
// Users are created without a password (no bcrypt cost) and get a token from the admin login-as-user API.
import crypto from "node:crypto";
import zlib from "node:zlib";
import { adminToken, api, loadTestbed, serverName } from "./synapse/testbed";

export async function createUserWithoutPassword(localpart: string, token?: string): Promise<string> {
  const userId = `@${localpart}:${await serverName()}`;
  const r = await api(`/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, {
    method: "PUT",
    token: token ?? (await adminToken()),
    body: { displayname: localpart },
  });
  if (r.status !== 200 && r.status !== 201) throw new Error(`create ${userId}: ${r.status} ${JSON.stringify(r.body)}`);
  return userId;
}

export async function loginAs(userId: string, token?: string): Promise<string> {
  const r = await api<{ access_token: string }>(`/_synapse/admin/v1/users/${encodeURIComponent(userId)}/login`, {
    method: "POST",
    token: token ?? (await adminToken()),
    body: {},
  });
  if (r.status !== 200) throw new Error(`login as ${userId}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.access_token;
}

export type Uploaded = { server: string; mediaId: string; mxc: string; size: number };

export async function upload(token: string, body: Buffer, contentType: string, filename: string): Promise<Uploaded> {
  const res = await fetch(`${loadTestbed().baseUrl}/_matrix/media/v3/upload?filename=${encodeURIComponent(filename)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": contentType },
    body: new Uint8Array(body),
  });
  const json = (await res.json()) as { content_uri?: string };
  if (!res.ok || !json.content_uri) throw new Error(`upload: ${res.status} ${JSON.stringify(json)}`);
  const [server, mediaId] = json.content_uri.slice("mxc://".length).split("/");
  return { server, mediaId, mxc: json.content_uri, size: body.length };
}

/** Downloads as the user (this is what moves a file's last access time, about a minute later). */
export async function download(token: string, f: Uploaded): Promise<number> {
  const res = await fetch(`${loadTestbed().baseUrl}/_matrix/client/v1/media/download/${f.server}/${f.mediaId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await res.arrayBuffer();
  return res.status;
}

export async function setAvatar(token: string, userId: string, mxc: string): Promise<void> {
  const r = await api(`/_matrix/client/v3/profile/${encodeURIComponent(userId)}/avatar_url`, { method: "PUT", token, body: { avatar_url: mxc } });
  if (r.status !== 200) throw new Error(`avatar: ${r.status} ${JSON.stringify(r.body)}`);
}

export type AdminMediaInfo = { media_length: number; last_access_ts: number | null; quarantined_by: string | null; safe_from_quarantine: number };

/** The file as the admin API sees it, or null once deleted. */
export async function mediaInfo(f: Uploaded): Promise<AdminMediaInfo | null> {
  const r = await api<{ media_info: AdminMediaInfo }>(`/_synapse/admin/v1/media/${f.server}/${f.mediaId}`, { token: await adminToken() });
  if (r.status === 404) return null;
  if (r.status !== 200) throw new Error(`media info: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.media_info;
}

/** A real PNG (a coloured square) padded with random bytes to `size`, so each file has its own hash. */
export function pngOfSize(size: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const w = 8;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(w, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const [r, g, b] = crypto.randomBytes(3);
  const rows = Buffer.concat(Array.from({ length: w }, () => Buffer.from([0, ...Array.from({ length: w }, () => [r, g, b]).flat()])));
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  if (size <= png.length) return png;
  return Buffer.concat([png, crypto.randomBytes(size - png.length)]);
}

export function textOfSize(size: number): Buffer {
  return Buffer.from(crypto.randomBytes(Math.ceil(size / 2)).toString("hex").slice(0, size));
}

/** Waits until Synapse has written a file's last access time (it batches them once a minute). */
export async function waitForLastAccess(f: Uploaded, timeoutMs = 75_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const info = await mediaInfo(f);
    if (info?.last_access_ts) return info.last_access_ts;
    if (Date.now() > until) throw new Error(`no last access time for ${f.mxc} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
