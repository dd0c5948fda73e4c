// A REAL OAuth 2.0 / OpenID Connect authorization server for the MAS journeys: the maintained `oidc-provider`
// package (dynamic client registration, PKCE S256, refresh tokens, RFC 7009 revocation, RFC 7662 introspection),
// on 127.0.0.1. Only two things are ours: the sign-in page (a username, no password: test accounts) and the
// policy MAS applies at consent: `urn:synapse:admin:*` / `urn:mas:admin` only for accounts that may request admin
// (MAS's `can_request_admin`); anyone else gets `access_denied`. The Matrix scopes are granted as requested.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Provider, { type Configuration } from "oidc-provider";
import { escapeHtml, readBody } from "./oidc-provider";

export { readBody };

export type OAuthProvider = {
  issuer: string;
  provider: Provider;
  /** Accounts allowed to request the admin scopes (MAS's can_request_admin). */
  canRequestAdmin: Set<string>;
  /** The Matrix device each grant was given (MSC2967 device scope at consent), for the stand-in's introspection. */
  deviceOfGrant: Map<string, string>;
  /** Serves the provider's routes and the sign-in page; the MAS stand-in mounts it on its own origin. */
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
};

/** The MAS stand-in's own client at the provider: it introspects every token Synapse is shown. */
export const STANDIN_CLIENT = { id: "mas-standin", secret: "mas-standin-secret" };
const ADMIN_SCOPES = ["urn:synapse:admin:*", "urn:mas:admin"];

/**
 * Storage: in memory, except registered clients, kept in a file per issuer, as a real MAS keeps them in its database
 * (so the portal's cached registration stays valid when a test worker starts the provider again).
 */
function storage(issuer: string) {
  const clientsFile = path.join(os.tmpdir(), `test-mas-clients-${new URL(issuer).port}.json`);
  const rows = new Map<string, { payload: Record<string, unknown>; expiresAt: number | null }>();
  const clients: Record<string, Record<string, unknown>> = fs.existsSync(clientsFile) ? JSON.parse(fs.readFileSync(clientsFile, "utf8")) : {};
  return class Adapter {
    constructor(private readonly model: string) {}
    private key(id: string) {
      return `${this.model}:${id}`;
    }
    async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
      if (this.model === "Client") {
        clients[id] = payload;
        fs.writeFileSync(clientsFile, JSON.stringify(clients));
        return;
      }
      rows.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null });
    }
    async find(id: string) {
      if (this.model === "Client") return clients[id];
      const row = rows.get(this.key(id));
      if (!row || (row.expiresAt !== null && row.expiresAt < Date.now())) return undefined;
      return row.payload;
    }
    async findByUid(uid: string) {
      for (const [k, row] of rows) if (k.startsWith(`${this.model}:`) && row.payload.uid === uid) return row.payload;
      return undefined;
    }
    async findByUserCode() {
      return undefined;
    }
    async consume(id: string) {
      const row = rows.get(this.key(id));
      if (row) row.payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      if (this.model === "Client") delete clients[id];
      rows.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [k, row] of rows) if (row.payload.grantId === grantId) rows.delete(k);
    }
  };
}

export function createOAuthProvider(issuer: string, opts: { accessTokenTtlSeconds?: number } = {}): OAuthProvider {
  const canRequestAdmin = new Set<string>();
  const deviceOfGrant = new Map<string, string>();
  // oidc-provider keeps only the scopes it knows (a device scope is a new one each time): noted at /auth by client and state.
  const pendingDevice = new Map<string, string>();
  const DEVICE = "urn:matrix:client:device:";
  const config: Configuration = {
    adapter: storage(issuer),
    clients: [{ client_id: STANDIN_CLIENT.id, client_secret: STANDIN_CLIENT.secret, grant_types: [], response_types: [], redirect_uris: [] }],
    scopes: ["openid", "offline_access", "urn:matrix:client:api:*", ...ADMIN_SCOPES],
    claims: { openid: ["sub"], profile: ["preferred_username"] },
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: true, allowedPolicy: async () => true },
    },
    pkce: { required: () => true },
    // Like MAS: a refresh token for every code grant of a client registered for refresh_token (no offline_access).
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(t: string): boolean }) => client.grantTypeAllowed("refresh_token"),
    expiresWithSession: async () => false,
    ttl: { AccessToken: opts.accessTokenTtlSeconds ?? 300, RefreshToken: 3600, Grant: 3600, Session: 3600, Interaction: 600, AuthorizationCode: 60 },
    findAccount: async (_ctx: unknown, id: string) => ({ accountId: id, claims: async () => ({ sub: id, preferred_username: id }) }),
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["test-only-cookie-key"] },
    renderError: async (ctx: { type: string; body: string }, out: { error?: unknown; error_description?: unknown }) => {
      ctx.type = "html";
      ctx.body = `<!doctype html><title>OAuth error</title><h1>OAuth error</h1><p>${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ""))}</p>`;
    },
  };
  const provider = new Provider(issuer, config);
  const callback = provider.callback();

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", issuer);
    if (url.pathname === "/auth") {
      const device = (url.searchParams.get("scope") ?? "").split(" ").find((x) => x.startsWith(DEVICE));
      if (device) pendingDevice.set(`${url.searchParams.get("client_id")} ${url.searchParams.get("state")}`, device.slice(DEVICE.length));
    }
    if (!url.pathname.startsWith("/interaction/")) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === "login") {
        if (req.method !== "POST") {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          res.end(`<!doctype html><title>Test MAS sign-in</title><h1>Test authorization server</h1>
            <form method="post"><label>Username <input name="username"></label><button type="submit">Continue</button></form>`);
          return;
        }
        const username = new URLSearchParams(await readBody(req)).get("username")?.trim() ?? "";
        return await provider.interactionFinished(req, res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
      }
      // Consent: MAS's policy decides; nothing to click.
      const accountId = details.session!.accountId;
      const requested = String(details.params.scope ?? "").split(" ").filter(Boolean);
      if (requested.some((s) => ADMIN_SCOPES.includes(s)) && !canRequestAdmin.has(accountId)) {
        return await provider.interactionFinished(req, res, { error: "access_denied", error_description: "The policy does not allow the requested scope" }, { mergeWithLastSubmission: false });
      }
      const grant = details.grantId ? (await provider.Grant.find(details.grantId))! : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(requested.join(" "));
      const grantId = await grant.save();
      const device = pendingDevice.get(`${details.params.client_id} ${details.params.state}`);
      if (device) deviceOfGrant.set(grantId, device);
      return await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    } catch (e) {
      res.writeHead(400, { "content-type": "text/plain" });
      res.end(`interaction failed: ${(e as Error).message}`);
    }
  };
  return { issuer, provider, canRequestAdmin, deviceOfGrant, handle };
}
