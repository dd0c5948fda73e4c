// Removes secrets from action parameters before they are stored. Pure, unit-tested.

// Whole words only, so `next_token`-style pagination and flags like `bypass_cache` stay readable.
const SECRET_KEY =
  /(^|[_-])(pass(word|wd|phrase)?|new_password|pwd|secret|cookie|authorization|(access|refresh|login)?_?token|(api_?)?key|mac)s?$/i;

/** camelCase keys are compared as snake_case ("accessToken" → "access_Token"). */
const NOT_SECRET = new Set(["next_token", "prev_token", "from_token", "nextToken"]);

function isSecretKey(key: string): boolean {
  if (NOT_SECRET.has(key)) return false;
  return SECRET_KEY.test(key.replace(/([a-z0-9])([A-Z])/g, "$1_$2"));
}

export function redactParams(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[…]";
  if (Array.isArray(value)) return value.map((v) => redactParams(v, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        isSecretKey(k) ? (v === undefined || v === null || v === "" ? v : "[redacted]") : redactParams(v, depth + 1),
      ]),
    );
  }
  if (typeof value === "string" && value.length > 500) return value.slice(0, 500) + "…";
  return value;
}
