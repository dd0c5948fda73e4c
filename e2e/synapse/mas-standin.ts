// A STAND-IN for Matrix Authentication Service (there is no MAS package for Debian or npm), including a stand-in for
// the part of MAS's admin API the portal uses. It implements only what the test Synapse (matrix_authentication_service
// in e2e/synapse/testbed.sh) and the portal call, backed by the real OAuth provider of oauth-provider.ts:
//   GET  /.well-known/openid-configuration   the provider's own metadata plus MAS's account_management_uri
//   POST /oauth2/introspect                  Synapse's token check (shared secret): the provider's RFC 7662 answer,
//                                            as MAS words it (username, scope); provisions the user and the device
//                                            in Synapse through /_synapse/mas like MAS does at session start
//   GET  /api/admin/v1/version, users, oauth2-sessions, user-emails, upstream-oauth-links, user-registration-tokens;
//   POST /api/admin/v1/oauth2-sessions/{id}/finish    a minimal MAS admin API (JSON:API shape), for urn:mas:admin
//   GET  /api/admin/v1/users/by-username/{username}; POST /api/admin/v1/personal-sessions, .../{id}/revoke
//                                            MAS's personal sessions (a job's own token, lib/jobs/job-credential.ts):
//                                            mpt_ tokens, introspected with their scope and user, inactive once revoked
//                                            or expired; a device scope's device is added to Synapse at creation and
//                                            deleted at revoke (MAS schedules that as a device sync; here it is at once).
//                                            The admin API also accepts a personal token holding urn:mas:admin, as MAS does.
import crypto from "node:crypto";
import http from "node:http";
import { createOAuthProvider, readBody, STANDIN_CLIENT, type OAuthProvider } from "./oauth-provider";

export const STANDIN_VERSION = "0.0.0-standin";
type Session = { id: string; username: string; deviceId: string; clientId: string; grantId: string; createdAt: string; finishedAt: string | null };
export type PersonalSession = { id: string; token: string; username: string; humanName: string; scope: string; expiresAt: number | null; revokedAt: string | null };

export type MasStandIn = {
  url: string;
  op: OAuthProvider;
  sessions: Session[];
  personalSessions: PersonalSession[];
  /** Every access token Synapse asked about, in order (the tests follow a session's tokens with it). */
  introspected: string[];
  /** RFC 7662 at the provider, as the stand-in's client: is this token still active? */
  isActive: (token: string) => Promise<boolean>;
  close: () => Promise<void>;
};

/** MAS on one origin, as a real one is: the stand-in's routes, and the real OAuth provider for everything else. */
export async function startMasStandIn(opts: { port: number; synapseUrl: string; secret: string; accessTokenTtlSeconds?: number }): Promise<MasStandIn> {
  const url = `http://127.0.0.1:${opts.port}`;
  const op = createOAuthProvider(url, { accessTokenTtlSeconds: opts.accessTokenTtlSeconds });
  const sessions: Session[] = [];
  const personalSessions: PersonalSession[] = [];
  const livePersonal = (token: string) =>
    personalSessions.find((p) => p.token === token && !p.revokedAt && (p.expiresAt === null || p.expiresAt > Date.now()));
  const introspected: string[] = [];
  const provisioned = new Set<string>();

  const introspect = async (token: string) => {
    const res = await fetch(`${op.issuer}/token/introspection`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${STANDIN_CLIENT.id}:${STANDIN_CLIENT.secret}`).toString("base64")}`,
      },
      body: new URLSearchParams({ token }),
    });
    return (await res.json()) as { active: boolean; sub?: string; scope?: string; exp?: number; client_id?: string };
  };
  const toSynapse = async (path: string, body: object) => {
    const res = await fetch(`${opts.synapseUrl}/_synapse/mas/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${opts.secret}` },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`/_synapse/mas/${path}: ${res.status} ${await res.text()}`);
  };
  const deviceOf = (scope: string) => scope.split(" ").find((s) => s.startsWith("urn:matrix:client:device:"))?.slice(25) ?? null;

  const server = http.createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", url).pathname;
    const json = (status: number, o: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(o));
    };
    const bearer = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    try {
      if (path === "/.well-known/openid-configuration" && !req.headers["x-standin-inner"]) {
        const meta = await (await fetch(`${url}/.well-known/openid-configuration`, { headers: { "x-standin-inner": "1" } })).json();
        return json(200, { ...meta, account_management_uri: `${url}/account/` });
      }
      if (path === "/oauth2/introspect" && req.method === "POST") {
        if (bearer !== opts.secret) return json(401, { error: "invalid_client" });
        const token = new URLSearchParams(await readBody(req)).get("token") ?? "";
        if (!introspected.includes(token)) introspected.push(token);
        if (token.startsWith("mpt_")) {
          const ps = livePersonal(token);
          if (!ps) return json(200, { active: false });
          return json(200, { active: true, scope: ps.scope, username: ps.username, sub: ps.username, token_type: "access_token",
            expires_in: ps.expiresAt ? Math.floor((ps.expiresAt - Date.now()) / 1000) : undefined });
        }
        const r = await introspect(token);
        if (!r.active || !r.sub) return json(200, { active: false });
        // The provider keeps only the scopes it knows in the token; the device is the grant's (as MAS's session has one).
        const at = await op.provider.AccessToken.find(token);
        const deviceId = deviceOf(r.scope ?? "") ?? (at?.grantId ? (op.deviceOfGrant.get(at.grantId) ?? null) : null);
        if (!provisioned.has(r.sub)) await toSynapse("provision_user", { localpart: r.sub });
        provisioned.add(r.sub);
        if (deviceId && !sessions.some((s) => s.deviceId === deviceId && s.username === r.sub)) {
          await toSynapse("upsert_device", { localpart: r.sub, device_id: deviceId, display_name: "MAS session" });
          sessions.push({ id: `01${crypto.randomBytes(12).toString("hex").toUpperCase()}`, username: r.sub, deviceId, clientId: r.client_id ?? "",
            grantId: at?.grantId ?? "", createdAt: new Date().toISOString(), finishedAt: null });
        }
        const scope = deviceId && !deviceOf(r.scope ?? "") ? `${r.scope} urn:matrix:client:device:${deviceId}` : r.scope;
        return json(200, { active: true, scope, username: r.sub, sub: r.sub, device_id: deviceId ?? undefined, expires_in: r.exp ? r.exp - Math.floor(Date.now() / 1000) : undefined });
      }
      if (path.startsWith("/api/admin/v1/")) {
        const caller = bearer.startsWith("mpt_") ? livePersonal(bearer) : null;
        const r = caller ? { active: true, scope: caller.scope } : await introspect(bearer);
        if (!r.active || !(r.scope ?? "").split(" ").includes("urn:mas:admin")) return json(401, { errors: [{ title: "Missing urn:mas:admin scope" }] });
        const list = (type: string, rows: { id: string; attributes: object }[]) =>
          json(200, { meta: { count: rows.length }, data: rows.map((row) => ({ type, ...row, links: { self: `/api/admin/v1/${type}s/${row.id}` } })) });
        const rest = path.slice("/api/admin/v1/".length);
        if (rest === "version") return json(200, { version: STANDIN_VERSION });
        if (rest === "users")
          return list("user", [...provisioned].map((u) => ({ id: userUlid(u), attributes: { username: u, created_at: null, locked_at: null, deactivated_at: null, admin: op.canRequestAdmin.has(u) } })));
        if (rest === "oauth2-sessions")
          return list("oauth2-session", sessions.map((s) => ({ id: s.id, attributes: { created_at: s.createdAt, finished_at: s.finishedAt, user_id: userUlid(s.username),
            client_id: s.clientId, scope: `urn:matrix:client:device:${s.deviceId}`, user_agent: null, last_active_at: null } })));
        const byName = /^users\/by-username\/([^/]+)$/.exec(rest);
        if (byName && req.method === "GET") {
          const username = decodeURIComponent(byName[1]);
          if (!provisioned.has(username)) return json(404, { errors: [{ title: `User ${username} not found` }] });
          return json(200, { data: { type: "user", id: userUlid(username), attributes: { username, admin: op.canRequestAdmin.has(username) } } });
        }
        if (rest === "personal-sessions" && req.method === "POST") {
          const body = JSON.parse((await readBody(req)) || "{}") as { actor_user_id?: string; human_name?: string; scope?: string; expires_in?: number };
          const username = [...provisioned].find((u) => userUlid(u) === body.actor_user_id);
          if (!username) return json(404, { errors: [{ title: "User not found" }] });
          if (typeof body.human_name !== "string" || typeof body.scope !== "string" || !body.scope.trim()) return json(400, { errors: [{ title: "Invalid scope" }] });
          const ps: PersonalSession = { id: `01${crypto.randomBytes(12).toString("hex").toUpperCase()}`, token: `mpt_${crypto.randomBytes(24).toString("base64url")}`,
            username, humanName: body.human_name, scope: body.scope, expiresAt: body.expires_in ? Date.now() + body.expires_in * 1000 : null, revokedAt: null };
          const device = deviceOf(ps.scope);
          if (device) await toSynapse("upsert_device", { localpart: username, device_id: device, display_name: ps.humanName });
          personalSessions.push(ps);
          return json(201, { data: { type: "personal-session", id: ps.id, attributes: { actor_user_id: userUlid(username), human_name: ps.humanName, scope: ps.scope,
            revoked_at: null, expires_at: ps.expiresAt ? new Date(ps.expiresAt).toISOString() : null, access_token: ps.token } } });
        }
        const revoke = /^personal-sessions\/([0-9A-Z]+)\/revoke$/.exec(rest);
        if (revoke && req.method === "POST") {
          const ps = personalSessions.find((x) => x.id === revoke[1]);
          if (!ps) return json(404, { errors: [{ title: `Personal session with ID ${revoke[1]} not found` }] });
          if (ps.revokedAt) return json(409, { errors: [{ title: `Personal session with ID ${ps.id} is already revoked` }] });
          ps.revokedAt = new Date().toISOString();
          const device = deviceOf(ps.scope);
          if (device) await toSynapse("delete_device", { localpart: ps.username, device_id: device });
          return json(200, { data: { type: "personal-session", id: ps.id, attributes: { revoked_at: ps.revokedAt } } });
        }
        if (rest === "user-emails" || rest === "upstream-oauth-links" || rest === "user-registration-tokens") return list(rest.slice(0, -1), []);
        const finish = /^oauth2-sessions\/([0-9A-Z]+)\/finish$/.exec(rest);
        if (finish && req.method === "POST") {
          const s = sessions.find((x) => x.id === finish[1]);
          if (!s) return json(404, { errors: [{ title: "Session not found" }] });
          // What MAS does: the grant (and its tokens) ends, and Synapse forgets the device.
          await (await op.provider.Grant.find(s.grantId))?.destroy();
          await toSynapse("delete_device", { localpart: s.username, device_id: s.deviceId });
          s.finishedAt = new Date().toISOString();
          return json(200, { data: { type: "oauth2-session", id: s.id, attributes: { finished_at: s.finishedAt } } });
        }
      }
      return await op.handle(req, res);
    } catch (e) {
      json(500, { error: (e as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port, "127.0.0.1", resolve));
  const isActive = async (token: string) => (await introspect(token)).active;
  return { url, op, sessions, personalSessions, introspected, isActive, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

/** A stable ULID-shaped id per username, as MAS's user ids look. */
function userUlid(username: string): string {
  return `01${crypto.createHash("sha256").update(username).digest("hex").slice(0, 24).toUpperCase()}`;
}
