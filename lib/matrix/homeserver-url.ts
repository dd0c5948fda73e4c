// Homeserver base URL normalisation. Pure and client-safe.

export type HomeserverUrlResult = { ok: true; url: string } | { ok: false; message: string };

export function normalizeHomeserverUrl(input: string): HomeserverUrlResult {
  const text = input.trim();
  if (!text) return { ok: false, message: "Enter the homeserver URL, for example https://matrix.example.org." };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `"${text}" is not a valid URL. Use the form https://matrix.example.org.` };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, message: `The homeserver URL must start with https:// (got ${url.protocol}//).` };
  }
  if (url.username || url.password) {
    return { ok: false, message: "The homeserver URL must not contain a user name or password." };
  }
  if (url.search || url.hash) {
    return { ok: false, message: "The homeserver URL must not contain a query (?…) or fragment (#…)." };
  }
  if (!url.hostname) return { ok: false, message: `"${text}" has no host name.` };
  const path = url.pathname.replace(/\/+$/, "");
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}

export function isLoopbackHost(host: string): boolean {
  // "[::1]:8448", "[::1]" and "::1" are IPv6; otherwise a trailing ":port" is dropped.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  const h = (bracketed ? bracketed[1] : host.includes("::") ? host : host.replace(/:\d+$/, "")).toLowerCase();
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}
