// A minimal identity provider for single sign-on tests, on 127.0.0.1. Two clients: Synapse (plain OAuth2 +
// userinfo, e2e/synapse/testbed.sh) and the portal's organisation gate (OpenID Connect: discovery, JWKS, an
// RS256 id_token with email and groups). It remembers who logged in (a cookie), so a second sign-in through
// it, e.g. Synapse's SSO after the gate's, needs no second password: the single-click path. Test-only.
import crypto from "node:crypto";
import http from "node:http";

export type TestIdp = { close: () => Promise<void>; logins: string[]; issuer: string };
type Login = { username: string; email: string; groups: string[] };
type Grant = Login & { clientId: string; nonce: string | null; scope: string; redirectUri: string };

/** The organisation gate's client at this provider (playwright.config.ts configures the gate portal with it). */
export const GATE_CLIENT = { id: "portal-gate", secret: "gate-secret" };
const CLIENTS: Record<string, string> = { synapse: "test-secret", [GATE_CLIENT.id]: GATE_CLIENT.secret };
const SESSION_COOKIE = "test_idp_login";
/** Whose e-mail a bare username gets. */
export const IDP_EMAIL_DOMAIN = "team.test";

export async function startTestIdp(port: number): Promise<TestIdp> {
  const issuer = `http://127.0.0.1:${port}`;
  const codes = new Map<string, Grant>();
  const tokens = new Map<string, Login>();
  const logins: string[] = [];
  const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = crypto.randomBytes(8).toString("hex");

  const signIdToken = (g: Grant) => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: issuer, sub: `sub-${g.username}`, aud: g.clientId, iat: now, exp: now + 300, ...(g.nonce ? { nonce: g.nonce } : {}),
      email: g.email, email_verified: true, name: `Test ${g.username}`, preferred_username: g.username, groups: g.groups };
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const input = `${part({ alg: "RS256", typ: "JWT", kid })}.${part(claims)}`;
    return `${input}.${crypto.sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
  };

  const grant = (res: http.ServerResponse, params: URLSearchParams, who: Login) => {
    const code = crypto.randomBytes(16).toString("hex");
    codes.set(code, { ...who, clientId: params.get("client_id") ?? "", nonce: params.get("nonce"), scope: params.get("scope") ?? "", redirectUri: params.get("redirect_uri") ?? "" });
    logins.push(who.username);
    const back = new URL(params.get("redirect_uri") ?? "");
    back.searchParams.set("code", code);
    if (params.get("state")) back.searchParams.set("state", params.get("state") ?? "");
    const cookie = `${SESSION_COOKIE}=${Buffer.from(JSON.stringify(who)).toString("base64url")}; Path=/; HttpOnly; SameSite=Lax`;
    res.writeHead(302, { location: back.toString(), "set-cookie": cookie });
    res.end();
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const body = req.method === "POST" ? new URLSearchParams(await readBody(req)) : new URLSearchParams();
    const json = (status: number, o: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(o));
    };
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(200, {
        issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`, response_types_supported: ["code"], subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"], scopes_supported: ["openid", "email", "profile"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"], code_challenge_methods_supported: ["S256"],
      });
    }
    if (url.pathname === "/jwks") return json(200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] });
    if (url.pathname === "/authorize" && req.method === "GET") {
      const remembered = rememberedLogin(req.headers.cookie);
      if (remembered) return grant(res, url.searchParams, remembered);
      const hidden = ["redirect_uri", "state", "nonce", "scope", "client_id"]
        .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(url.searchParams.get(k) ?? "")}">`)
        .join("");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><title>Test IdP</title><h1>Test IdP</h1><form method="post" action="/authorize">${hidden}
        <label>IdP username <input name="username"></label>
        <label>E-mail (default: username@${IDP_EMAIL_DOMAIN}) <input name="email"></label>
        <label>Groups (comma-separated) <input name="groups"></label>
        <button type="submit">Log in at the IdP</button></form>`);
      return;
    }
    if (url.pathname === "/authorize" && req.method === "POST") {
      const username = body.get("username") ?? "";
      const groups = (body.get("groups") ?? "").split(",").map((g) => g.trim()).filter(Boolean);
      return grant(res, body, { username, email: body.get("email") || `${username}@${IDP_EMAIL_DOMAIN}`, groups });
    }
    if (url.pathname === "/token" && req.method === "POST") {
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "");
      const [clientId, secret] = basic
        ? Buffer.from(basic[1], "base64").toString().split(":").map(decodeURIComponent)
        : [body.get("client_id") ?? "", body.get("client_secret") ?? ""];
      const g = codes.get(body.get("code") ?? "");
      codes.delete(body.get("code") ?? "");
      if (!g || CLIENTS[clientId] !== secret || g.clientId !== clientId) return json(400, { error: "invalid_grant" });
      const token = crypto.randomBytes(16).toString("hex");
      tokens.set(token, g);
      const idToken = g.scope.split(" ").includes("openid") ? { id_token: signIdToken(g) } : {};
      return json(200, { access_token: token, token_type: "Bearer", expires_in: 300, ...idToken });
    }
    if (url.pathname === "/userinfo") {
      const who = tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
      if (!who) return json(401, { error: "invalid_token" });
      return json(200, { sub: `sub-${who.username}`, preferred_username: who.username, email: who.email, email_verified: true, name: `Test ${who.username}`, groups: who.groups });
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { logins, issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function rememberedLogin(cookieHeader: string | undefined): Login | null {
  const raw = (cookieHeader ?? "").split(/;\s*/).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!raw) return null;
  try {
    return JSON.parse(Buffer.from(raw.slice(SESSION_COOKIE.length + 1), "base64url").toString()) as Login;
  } catch {
    return null;
  }
}

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(data));
  });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
