// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma, the one source of truth: only the
// datasource provider and the client's output differ (Prisma allows one provider per schema file).
//   node --import tsx scripts/pg-schema.ts          write it
//   node --import tsx scripts/pg-schema.ts --check  exit 1 when the committed copy is stale
//   node --import tsx scripts/pg-schema.ts --print FILE   print the PostgreSQL form of another SQLite schema file
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeOrCheck } from "./generated-file";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_SCHEMA = path.join(root, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join(root, "prisma", "postgresql", "schema.prisma");

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: expected ${pattern} in it`);
  return text.replace(pattern, replacement);
}

export function postgresSchemaFrom(sqliteSchema: string): string {
  let out = replaceOnce(sqliteSchema, /(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  out = replaceOnce(out, /(generator client \{[^}]*output\s*=\s*)"\.\.\/lib\/db\/generated"/, '$1"../../lib/db/generated-pg"');
  return "// GENERATED from prisma/schema.prisma by scripts/pg-schema.ts: edit that file, then run the script.\n" + out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const print = process.argv.indexOf("--print");
  const source = print > 0 ? process.argv[print + 1] : SQLITE_SCHEMA;
  const want = postgresSchemaFrom(fs.readFileSync(source, "utf8"));
  if (print > 0) {
    process.stdout.write(want);
  } else {
    writeOrCheck(POSTGRES_SCHEMA, want, "scripts/pg-schema.ts");
  }
}
