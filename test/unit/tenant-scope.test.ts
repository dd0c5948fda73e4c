// Every stored record belongs to a homeserver, and requests reach records only through lib/db/tenant.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { TENANT_SCOPE } from "@/lib/db/tenant";

const ROOT = path.resolve(import.meta.dirname, "../..");

type Field = { name: string; type: string; relationFields: boolean };

/** Models of prisma/schema.prisma with their fields (enough of the grammar for this check). */
function schemaModels(): Map<string, Field[]> {
  const text = readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
  const models = new Map<string, Field[]>();
  for (const m of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const fields: Field[] = [];
    for (const line of m[2].split("\n")) {
      const f = /^\s*(\w+)\s+(\w+)(\[\]|\?)?\s*(.*)$/.exec(line.replace(/\/\/.*$/, ""));
      if (f && !line.trim().startsWith("@@")) fields.push({ name: f[1], type: f[2], relationFields: /@relation\([^)]*fields:/.test(f[4]) });
    }
    models.set(m[1], fields);
  }
  return models;
}

const models = schemaModels();

test("the schema parser sees the models (a parser that finds nothing would pass everything)", () => {
  assert.ok(models.size >= 5, `found ${[...models.keys()].join(", ")}`);
  assert.ok(models.get("ImportRow")?.some((f) => f.name === "job" && f.type === "ImportJob" && f.relationFields));
});

test("every model has a homeserver column or belongs to a model that is scoped", () => {
  const scoped = (name: string, seen: string[] = []): boolean => {
    const fields = models.get(name);
    if (!fields || seen.includes(name)) return false;
    if ("portalWide" in (TENANT_SCOPE as Record<string, object>)[name]) return true;
    if (fields.some((f) => f.name === "homeserver" && f.type === "String")) return true;
    return fields.some((f) => f.relationFields && scoped(f.type, [...seen, name]));
  };
  for (const name of models.keys()) assert.ok(scoped(name), `model ${name} has neither a homeserver column nor a relation to a scoped model`);
});

test("lib/db/tenant.ts says how every model is scoped, and the schema agrees", () => {
  assert.deepEqual(Object.keys(TENANT_SCOPE).sort(), [...models.keys()].sort(), "a model is missing from (or extra in) TENANT_SCOPE");
  for (const [name, scope] of Object.entries(TENANT_SCOPE)) {
    const fields = models.get(name)!;
    if ("portalWide" in scope) assert.ok(!fields.some((f) => f.name === "homeserver"), `${name} holds a homeserver's rows: scope it`);
    else if ("column" in scope) assert.ok(fields.some((f) => f.name === scope.column && f.type === "String"), `${name}.${scope.column}`);
    else assert.ok(fields.some((f) => f.relationFields && f.type === scope.through), `${name} → ${scope.through}`);
  }
});

// Background workers act on a job they already hold (found by status at boot, or handed over by a command
// after loadJobFor checked it); import-status.ts is the one door for an import job's status changes.
const WORKERS = [
  "lib/jobs/import-runner.ts",
  "lib/jobs/import-run.ts",
  "lib/jobs/import-apply-row.ts",
  "lib/jobs/import-landed.ts",
  "lib/jobs/import-dry-run.ts",
  "lib/jobs/import-credential.ts",
  "lib/jobs/import-status.ts",
  // The job runtime claims, renews and fences jobs of every homeserver; the driver and kinds act on the job they hold.
  "lib/jobs/runtime.ts",
  "lib/jobs/job-driver.ts",
  "lib/jobs/job-credential.ts",
  // Operations act for the whole instance: health, and letting running imports finish on SIGTERM.
  "lib/ops/health.ts",
  "lib/ops/shutdown.ts",
].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.parentPath.includes("generated"))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

test("pages, routes, actions and lib outside lib/db read stored records only through lib/db/tenant", () => {
  const files = [...sourceFiles("app"), ...sourceFiles("lib")].filter((f) => !f.startsWith("lib/db/") && !WORKERS.includes(f));
  assert.ok(files.length > 50, `only ${files.length} files found`);
  // Modules of lib/db that hold no homeserver's records (portal-wide state, the database's own health).
  const portalWide = new Set(["health", ...Object.values(TENANT_SCOPE).flatMap((s) => ("portalWide" in s ? [path.basename(s.portalWide, ".ts")] : []))]);
  const offenders: string[] = [];
  for (const file of files) {
    for (const m of readFileSync(path.join(ROOT, file), "utf8").matchAll(/^import\s+(type\s+)?[^;]*?from\s+"@\/lib\/db\/([\w-]+)"/gm)) {
      if (!m[1] && m[2] !== "tenant" && !portalWide.has(m[2])) offenders.push(`${file} imports @/lib/db/${m[2]}`);
    }
  }
  assert.deepEqual(offenders, [], "use forHomeserver() from @/lib/db/tenant (or add a background worker to WORKERS)");
});
