// prisma/postgresql/schema.prisma is generated from prisma/schema.prisma; a stale committed copy fails here.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, postgresSchemaFrom } from "../../scripts/pg-schema";

test("the committed PostgreSQL schema is the generated one (run scripts/pg-schema.ts after editing prisma/schema.prisma)", () => {
  assert.equal(fs.readFileSync(POSTGRES_SCHEMA, "utf8"), postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
});

test("only the provider and the client's output differ", () => {
  const pg = postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  assert.match(pg, /provider = "postgresql"/);
  assert.match(pg, /output\s+= "\.\.\/\.\.\/lib\/db\/generated-pg"/);
  assert.doesNotMatch(pg, /"sqlite"/);
  const models = (s: string) => s.slice(s.indexOf("model "));
  assert.equal(models(pg), models(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
});

test("a schema without the expected datasource is refused, not copied", () => {
  assert.throws(() => postgresSchemaFrom('datasource db {\n  provider = "mysql"\n}\n'), /expected/);
});
