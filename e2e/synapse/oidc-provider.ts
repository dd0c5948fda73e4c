// A minimal OAuth2 identity provider for the SSO round trip: an authorize page with a username field,
// a token endpoint and a userinfo endpoint. Test-only; listens on 127.0.0.1.
import crypto from "node:crypto";
import http from "node:http";

export type TestIdp = { close: () => Promise<void>; logins: string[] };

export async function startTestIdp(port: number): Promise<TestIdp> {
  const codes = new Map<string, string>(); // code -> username
  const tokens = new Map<string, string>(); // access token -> username
  const logins: string[] = [];

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
    const body = req.method === "POST" ? new URLSearchParams(await readBody(req)) : new URLSearchParams();
    if (url.pathname === "/authorize" && req.method === "GET") {
      const hidden = ["redirect_uri", "state"]
        .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(url.searchParams.get(k) ?? "")}">`)
        .join("");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><title>Test IdP</title><h1>Test IdP</h1><form method="post" action="/authorize">${hidden}
        <label>IdP username <input name="username"></label><button type="submit">Log in at the IdP</button></form>`);
      return;
    }
    if (url.pathname === "/authorize" && req.method === "POST") {
      const code = crypto.randomBytes(16).toString("hex");
      codes.set(code, body.get("username") ?? "");
      logins.push(body.get("username") ?? "");
      const back = new URL(body.get("redirect_uri") ?? "");
      back.searchParams.set("code", code);
      back.searchParams.set("state", body.get("state") ?? "");
      res.writeHead(302, { location: back.toString() });
      res.end();
      return;
    }
    if (url.pathname === "/token" && req.method === "POST") {
      const user = codes.get(body.get("code") ?? "");
      codes.delete(body.get("code") ?? "");
      if (!user || body.get("client_secret") !== "test-secret") {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "invalid_grant" }));
        return;
      }
      const token = crypto.randomBytes(16).toString("hex");
      tokens.set(token, user);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ access_token: token, token_type: "Bearer", expires_in: 300 }));
      return;
    }
    if (url.pathname === "/userinfo") {
      const user = tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
      res.writeHead(user ? 200 : 401, { "content-type": "application/json" });
      res.end(JSON.stringify(user ? { sub: `sub-${user}`, preferred_username: user } : { error: "invalid_token" }));
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { logins, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => resolve(data));
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
