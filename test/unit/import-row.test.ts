// Header mapping and row validation of the CSV import: every bad input gets a specific message.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { CsvFileError, readCsv } from "@/lib/jobs/csv-reader";
import { TEMPLATE_CSV } from "@/lib/csv/user-columns";
import { checkRow, describeCellErrors, parseBoolean, readHeader, type RowContext } from "@/lib/jobs/import-row";
import { messageIn } from "@/lib/i18n/translator";

const HS = "example.org";
const ctx = (idMode: RowContext["idMode"] = "csv"): RowContext => ({ serverName: HS, idMode, seen: new Map() });
const header = (line: string, idMode: RowContext["idMode"] = "csv") => readHeader(line.split(","), ",", idMode);

function headerError(cells: string[], delimiter: "," | ";" = ",", idMode: RowContext["idMode"] = "csv"): CsvFileError {
  try {
    readHeader(cells, delimiter, idMode);
  } catch (e) {
    assert.ok(e instanceof CsvFileError);
    return e;
  }
  assert.fail("header accepted");
}

function errorsOf(line: string, head = "id,displayname,password,is_guest,admin,deactivated", c = ctx()) {
  const r = checkRow(line.split(","), header(head), c, 2);
  return r.ok ? [] : r.errors.map((e) => `${e.column}: ${messageIn(e.message, "en")}`);
}

describe("readHeader", () => {
  test("names are case-insensitive, trimmed and in any order; unknown columns are reported", () => {
    const h = readHeader([" Password ", "DISPLAYNAME", "id", "Email", "team"], ",", "csv");
    assert.equal(h.columns.get("id"), 2);
    assert.equal(h.columns.get("password"), 0);
    assert.equal(h.columns.get("displayname"), 1);
    assert.deepEqual(h.unknown, ["Email", "team"]);
    assert.equal(h.width, 5);
  });

  test("a missing id column", () => {
    const e = headerError(["displayname", "password"]);
    assert.equal(e.problem, "no-id-column");
    assert.match(messageIn(e.message, "en"), /no "id" column.*found: displayname, password.*Generate from the display name/);
  });

  test("without an id column, ids may come from the display name if chosen", () => {
    assert.equal(readHeader(["displayname"], ",", "generate-missing").columns.has("displayname"), true);
  });

  test("the wrong separator is named", () => {
    const e = headerError(["id;displayname;password"], ",");
    assert.equal(e.problem, "wrong-delimiter");
    assert.match(messageIn(e.message, "en"), /separates its cells with a semicolon \(;\), not a comma \(,\)/);
    assert.equal(headerError(["id,displayname", "x"], ";").problem, "wrong-delimiter");
  });

  test("a first line that is data, not a header", () => {
    const e = headerError(["jane.doe", "Jane Doe", "secret"]);
    assert.equal(e.problem, "no-header");
    assert.match(messageIn(e.message, "en"), /Line 1 must be a header.*names none of them \(3 cells\)/);
    assert.doesNotMatch(messageIn(e.message, "en"), /secret|jane/);
  });

  test("a column named twice", () => {
    assert.equal(headerError(["id", "ID"]).problem, "duplicate-column");
  });
});

describe("checkRow", () => {
  test("errors never quote a cell where a slipped password could be (they are stored and reported in clear)", () => {
    const secret = "Hunter2-Secret!";
    const errors = [
      ...errorsOf(`ann,Ann,,,${secret},`),
      ...errorsOf(`ann,${secret},${secret}`, "id,avatar_url,user_type"),
      ...errorsOf(`ann,${secret}`, "id,threepids"),
      ...errorsOf(`ann,email:${secret}`, "id,threepids"),
    ];
    assert.equal(errors.length, 5);
    for (const e of errors) assert.ok(!e.includes(secret), e);
  });

  test("the example line of the issue (synapse-admin's format) is valid", () => {
    const r = checkRow("jane.doe,Jane Doe,secretpassword,false,false,false".split(","), header("id,displayname,password,is_guest,admin,deactivated"), ctx(), 2);
    assert.deepEqual(r, {
      ok: true,
      input: { localpart: "jane.doe", displayname: "Jane Doe", hasPassword: true, isGuest: false, admin: false, deactivated: false },
      password: "secretpassword",
      userId: "@jane.doe:example.org",
    });
  });

  test("booleans: true/false, 1/0, yes/no, on/off in any case; empty means not given", () => {
    for (const [cell, value] of [["TRUE", true], ["0", false], ["Yes", true], ["no", false], ["On", true], ["OFF", false], [" ", undefined], ["", undefined]] as const) {
      assert.equal(parseBoolean(cell), value, cell);
    }
    assert.deepEqual(errorsOf("ann,Ann,,,maybe,"), ["admin: the value is not true or false (also accepted: 1/0, yes/no, on/off, empty)"]);
  });

  test("ids: a localpart, a full id of this server, or our own export's escaped '@…", () => {
    const ok = (cell: string) => {
      const r = checkRow([cell], header("id"), ctx(), 2);
      return r.ok ? r.userId : null;
    };
    assert.equal(ok("ann"), "@ann:example.org");
    assert.equal(ok("@ann:example.org"), "@ann:example.org");
    assert.equal(ok("'@ann:example.org"), "@ann:example.org");
    assert.equal(ok("@ann:EXAMPLE.org"), "@ann:example.org");
  });

  test("ids that cannot be users here", () => {
    const one = (cell: string) => errorsOf(cell, "id");
    assert.deepEqual(one("@bob:other.org"), ['id: "@bob:other.org" belongs to another server (other.org); only users of example.org can be imported here']);
    assert.deepEqual(one("Jane.Doe"), ['id: "Jane.Doe" contains capital letters; user ids are lowercase (use "jane.doe")']);
    assert.deepEqual(one("jane doe"), ['id: "jane doe" contains spaces, which user ids cannot have']);
    assert.deepEqual(one("jane#doe"), ['id: "jane#doe" contains characters a user id cannot have (allowed: a-z, 0-9 and . _ = - / +)']);
    assert.deepEqual(one("_bridge"), ['id: "_bridge" starts with "_", which Synapse reserves for bridges and bots']);
    assert.deepEqual(one("12345"), ['id: "12345" is only digits, which Synapse reserves for guest accounts']);
    assert.deepEqual(one(""), ["id: the id is empty"]);
    assert.deepEqual(one("@ann"), ['id: "@ann" is not a full user id; write "ann" or "@ann:example.org"']);
    assert.match(one("a".repeat(250))[0], /is longer than 255 characters/);
  });

  test("a duplicated id: the second occurrence is the error, naming the first line", () => {
    const c = ctx();
    const h = header("id");
    assert.equal(checkRow(["ann"], h, c, 2).ok, true);
    const second = checkRow(["@ann:example.org"], h, c, 7);
    assert.equal(second.ok, false);
    assert.deepEqual(!second.ok && second.errors.map((e) => ({ ...e, message: messageIn(e.message, "en") })), [{ column: "id", message: '"ann" already appears on line 2' }]);
    assert.equal(!second.ok && messageIn(second.errors[0].message, "de"), "„ann“ kommt bereits in Zeile 2 vor");
  });

  test("passwords up to 512 characters (counted as Synapse counts them), display names up to 256", () => {
    assert.deepEqual(errorsOf(`ann,,${"p".repeat(512)},,,`), []);
    assert.deepEqual(errorsOf(`ann,,${"😀".repeat(512)},,,`), []);
    assert.deepEqual(errorsOf(`ann,,${"p".repeat(513)},,,`), ["password: the password is longer than 512 characters"]);
    assert.deepEqual(errorsOf(`ann,${"d".repeat(256)},,,,`), []);
    assert.deepEqual(errorsOf(`ann,${"d".repeat(257)},,,,`), ["displayname: the display name is longer than 256 characters (257)"]);
  });

  test("guests cannot be created, and deactivated+locked is refused", () => {
    assert.deepEqual(errorsOf("ann,,,true,,"), ["is_guest: guest accounts cannot be created or changed through Synapse's admin API; leave is_guest false or empty"]);
    assert.deepEqual(errorsOf("ann,true,true", "id,deactivated,locked"), ["locked: a user cannot be both deactivated and locked (Synapse refuses it)"]);
  });

  test("threepids: ; or , between entries, emails lowercased, phone numbers without +", () => {
    const r = checkRow(["ann", "email:Ann@Example.org;msisdn:+49 151 1234567, email:ann@example.org"], header("id,threepids"), ctx(), 2);
    assert.ok(r.ok);
    assert.deepEqual(r.input.threepids, [
      { medium: "email", address: "ann@example.org" },
      { medium: "msisdn", address: "491511234567" },
    ]);
    assert.deepEqual(errorsOf("ann,fax:123", "id,threepids"), ["threepids: entry 1 must look like email:alice@example.org or msisdn:+4915112345678"]);
    assert.deepEqual(errorsOf("ann,email:nope", "id,threepids"), ["threepids: entry 1 is not an email address"]);
  });

  test("avatar_url must be an mxc URL; user_type a plain word", () => {
    assert.deepEqual(errorsOf("ann,mxc://example.org/AbC_12-x,bot", "id,avatar_url,user_type"), []);
    assert.deepEqual(errorsOf("ann,https://x/y.png,", "id,avatar_url,user_type"), ["avatar_url: the value is not an mxc:// URL (like mxc://example.org/AbCdEf)"]);
    assert.deepEqual(errorsOf("ann,,two words", "id,avatar_url,user_type"), ["user_type: the value is not a user type (bot, support, or one set in Synapse's user_types)"]);
  });

  test("more cells than the header (an unquoted comma) is a row error; extra empty cells and short rows are fine", () => {
    assert.deepEqual(errorsOf("ann,Doe,Ann", "id,displayname"), ["row: the line has 3 cells but the header has 2; quote cells that contain the separator"]);
    assert.deepEqual(errorsOf("ann,Ann,,", "id,displayname"), []);
    assert.deepEqual(errorsOf("ann", "id,displayname,admin"), []);
  });

  test("with generated ids, an empty id needs a display name", () => {
    const h = header("id,displayname", "generate-missing");
    const r = checkRow(["", "Zoë"], h, ctx("generate-missing"), 2);
    assert.ok(r.ok);
    assert.equal(r.userId, undefined);
    assert.deepEqual(errorsOf(",", "id,displayname", ctx("generate-missing")), ["id: the id and the display name are empty, so no id can be made"]);
  });

  test("all problems of a row are reported together", () => {
    const r = checkRow(["Bad Id", "x".repeat(300), "", "maybe"], header("id,displayname,password,admin"), ctx(), 9);
    assert.equal(r.ok, false);
    assert.equal(
      !r.ok && messageIn(describeCellErrors(r.errors), "en"),
      'id: "Bad Id" contains spaces, which user ids cannot have; displayname: the display name is longer than 256 characters (300); admin: the value is not true or false (also accepted: 1/0, yes/no, on/off, empty)',
    );
    assert.equal(
      !r.ok && messageIn(describeCellErrors(r.errors), "de"),
      "id: „Bad Id“ enthält Leerzeichen, die Benutzer-IDs nicht haben dürfen; displayname: der Anzeigename ist länger als 256 Zeichen (300); admin: der Wert ist weder true noch false (ebenfalls akzeptiert: 1/0, yes/no, on/off, leer)",
    );
  });
});

test("the downloadable template reads back as one valid row", async () => {
  async function* source() {
    yield Buffer.from(TEMPLATE_CSV);
  }
  const reader = readCsv(source(), { delimiter: "auto", maxBytes: 10_000 });
  const records = [];
  for await (const r of reader.records) records.push(r);
  const h = readHeader(records[0].cells, reader.delimiter(), "csv");
  assert.deepEqual(h.unknown, []);
  assert.equal(records.length, 2);
  const row = checkRow(records[1].cells, h, ctx(), records[1].line);
  assert.equal(row.ok, true, JSON.stringify(row));
});
