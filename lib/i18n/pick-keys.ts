// A catalogue cut down to some keys ("users.find.title"), keeping its nesting; keys it lacks are left out.
type Tree = { [k: string]: unknown };

export function pickKeys(catalogue: Tree, keys: readonly string[]): Tree {
  const out: Tree = {};
  for (const key of keys) {
    const parts = key.split(".");
    let from: unknown = catalogue;
    for (const p of parts) from = from && typeof from === "object" ? (from as Tree)[p] : undefined;
    if (from === undefined) continue;
    let to = out;
    for (const p of parts.slice(0, -1)) to = (to[p] ??= {}) as Tree;
    to[parts[parts.length - 1]] = from;
  }
  return out;
}
