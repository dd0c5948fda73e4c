// Removes secrets from action parameters before they are stored. Pure, unit-tested.

const SECRET_KEY = /pass(word)?|token|secret|authorization|cookie|key$/i;

export function redactParams(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[…]";
  if (Array.isArray(value)) return value.map((v) => redactParams(v, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) ? (v === undefined || v === null || v === "" ? v : "[redacted]") : redactParams(v, depth + 1),
      ]),
    );
  }
  if (typeof value === "string" && value.length > 500) return value.slice(0, 500) + "…";
  return value;
}
