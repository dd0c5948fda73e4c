#!/usr/bin/env bash
# Lays out what the image runs, in DEST, from a finished `next build` (standalone output):
# the server, its static files, and what `scripts/migrate.sh` needs (the Prisma CLI with both adapters,
# the schemas and migrations), which the standalone output leaves out. The Dockerfile runs it; so can you,
# to try the image's layout without Docker: `cd DEST && bash scripts/serve.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:?usage: scripts/assemble-image.sh DEST}"
[ -f .next/standalone/server.js ] || { echo "no .next/standalone: run npx next build first" >&2; exit 1; }
mkdir -p "$dest/.next" "$dest/scripts" "$dest/lib/db"
cp -a .next/standalone/. "$dest/"
# A local database that file tracing picked up, and the links that scripts/start.sh adds.
rm -rf "$dest/data" "$dest/.next/static" "$dest/public" "$dest/prisma"
cp -a .next/static "$dest/.next/static"
if [ -d public ]; then cp -a public "$dest/public"; fi
cp -a prisma prisma.config.ts "$dest/"
cp -a lib/database-url.ts "$dest/lib/"
cp -a lib/db/migration-adapter.ts "$dest/lib/db/"
cp -a scripts/prisma.sh scripts/migrate.sh scripts/serve.sh "$dest/scripts/"
# The migration CLI's packages with everything they depend on (the standalone output has only parts of some).
node -e '
  // Resolved as Node does (nested node_modules first); prints each top-level package folder to copy.
  const fs = require("fs"), path = require("path");
  const root = path.resolve("node_modules"), dirs = new Set(), top = new Set();
  const find = (from, name) => {
    for (let d = from; d.startsWith(root); d = path.dirname(d)) {
      const candidate = path.join(d, "node_modules", name);
      if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
    }
    const candidate = path.join(root, name);
    return fs.existsSync(path.join(candidate, "package.json")) ? candidate : null;
  };
  const queue = ["prisma", "@prisma/adapter-pg", "@prisma/adapter-better-sqlite3", "pg", "better-sqlite3"].map((n) => path.join(root, n));
  while (queue.length) {
    const dir = queue.shift();
    if (dirs.has(dir)) continue;
    dirs.add(dir);
    const rel = path.relative(root, dir).split(path.sep);
    top.add(rel[0].startsWith("@") ? rel.slice(0, 2).join("/") : rel[0]);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      const found = find(dir, dep);
      if (found) queue.push(found);
    }
  }
  console.log([...top].join("\n"));
' | while read -r name; do
  mkdir -p "$dest/node_modules/$(dirname "$name")"
  rm -rf "$dest/node_modules/$name"
  cp -a "node_modules/$name" "$dest/node_modules/$name"
done
mkdir -p "$dest/node_modules/.bin"
ln -sf ../prisma/build/index.js "$dest/node_modules/.bin/prisma"
echo "$dest"
