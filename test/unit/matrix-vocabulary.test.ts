// The merged Matrix vocabulary: one rule each for localparts, mxc URIs, user and room IDs and the CSV user
// columns, so the forms, the actions and the CSV import judge the same input the same way.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { localpartRule } from "@/lib/matrix/mxid";
import { mxcUri, parseMxc } from "@/lib/matrix/mxc";
import { MAX_USER_ID_LENGTH } from "@/lib/matrix/limits";
import { localpartProblem as formProblem, roomIdField, userIdField } from "@/lib/schemas/fields";
import { localpartProblem as importProblem } from "@/lib/jobs/import-row";
import { userScopeSchema, roomScopeSchema } from "@/lib/schemas/media";
import { IMPORT_COLUMNS, TEMPLATE_CSV, USER_CSV_COLUMNS } from "@/lib/csv/user-columns";
import { messageIn } from "@/lib/i18n/translator";

describe("localpartRule: one rule for the create form and the import", () => {
  const cases: [string, ReturnType<typeof localpartRule>][] = [
    ["alice", null],
    ["a.b-c_d=e/f+g", null],
    ["", "empty"],
    ["al ice", "spaces"],
    ["Alice", "uppercase"],
    ["al:ice", "chars"],
    ["_bridge", "underscore"],
    ["12345", "digits"],
    ["a".repeat(254), "too-long"],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input.slice(0, 12))} → ${expected}`, () => assert.equal(localpartRule(input), expected));
  }
  test("the form and the import refuse exactly the same names", () => {
    for (const name of ["alice", "Alice", "al ice", "al#ice", "_bot", "12345", "x".repeat(260), "jane.doe"]) {
      assert.equal(formProblem(name) === null, importProblem(name, "example.org") === null, name);
    }
  });
  test("the length counts the whole ID when the server is known", () => {
    const local = "a".repeat(MAX_USER_ID_LENGTH - "@:example.org".length);
    assert.equal(localpartRule(local, "example.org"), null);
    assert.equal(localpartRule(`${local}b`, "example.org"), "too-long");
  });
  test("all-digit names are refused by the form too (Synapse reserves them for guests)", () => {
    assert.match(messageIn(formProblem("2024")!), /digits only/);
  });
});

describe("parseMxc: the Matrix spec's mxc grammar", () => {
  test("a server name and a media ID of A-Z a-z 0-9 _ -", () => {
    assert.deepEqual(parseMxc("mxc://example.org/AbC_d-9"), { server: "example.org", mediaId: "AbC_d-9" });
    assert.deepEqual(parseMxc("mxc://localhost:8448/x"), { server: "localhost:8448", mediaId: "x" });
    assert.equal(mxcUri({ server: "example.org", mediaId: "x" }), "mxc://example.org/x");
  });
  test("refuses other characters, a bad server name and missing parts", () => {
    for (const bad of ["mxc://example.org/a.b", "mxc://example.org/a?b", "mxc://exa mple.org/x", "mxc://example.org/", "https://example.org/x", "", null, undefined]) {
      assert.equal(parseMxc(bad), null, String(bad));
    }
  });
});

describe("userIdField and roomIdField: one field everywhere", () => {
  test("a user ID is trimmed, needs @ and a valid server, and fits Synapse's 255 characters", () => {
    assert.equal(userIdField.parse(" @bob:example.org "), "@bob:example.org");
    assert.equal(userIdField.safeParse("bob:example.org").success, false);
    assert.equal(userIdField.safeParse("@bob:exa mple").success, false);
    assert.equal(userIdField.safeParse(`@${"b".repeat(250)}:example.org`).success, false);
  });
  test("the media scopes use the same fields (a room ID without a server, room version 12, is a room ID)", () => {
    assert.equal(userScopeSchema.safeParse({ userId: "@bob:example.org" }).success, true);
    assert.equal(userScopeSchema.safeParse({ userId: "@bob" }).success, false);
    assert.equal(roomScopeSchema.safeParse({ roomId: "!opaque" }).success, true);
    assert.equal(roomScopeSchema.safeParse({ roomId: "#alias:example.org" }).success, false);
    assert.equal(roomIdField.safeParse("!abc:example.org").success, true);
  });
});

describe("CSV user columns: one list for the import, the template and the export", () => {
  test("the template's header is the import columns", () => {
    assert.equal(TEMPLATE_CSV.split("\r\n")[0], IMPORT_COLUMNS.join(","));
  });
  test("the export starts with the import columns it can fill, in the import's order", () => {
    const shared = USER_CSV_COLUMNS.filter((c) => (IMPORT_COLUMNS as readonly string[]).includes(c));
    assert.deepEqual(shared, IMPORT_COLUMNS.filter((c) => c !== "threepids"));
    assert.deepEqual(USER_CSV_COLUMNS.slice(0, shared.length), shared);
  });
});
