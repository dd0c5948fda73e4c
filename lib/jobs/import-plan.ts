// What each row does on the server: create, skip, stop, or update which fields. Pure, unit-tested;
// the runner supplies what it knows about existing users.
import { msg } from "@/lib/i18n/message";
import type { ConflictMode, PasswordMode } from "@/lib/schemas/import";
import type { ExistingUser } from "@/lib/synapse/import-users";
import type { Threepid } from "@/lib/matrix/threepid";
import type { ImportInput } from "./import-row";
export type { ExistingUser };

export type Change = { field: string; from: string | null; to: string | null };

export type Decision =
  | { kind: "create"; body: Record<string, unknown>; generatePassword: boolean }
  | { kind: "update"; body: Record<string, unknown>; changes: Change[] }
  | { kind: "skip"; reason: string }
  | { kind: "stop"; reason: string };

const MAX_GENERATED_LENGTH = 64;

/** A lowercase user id from a display name: "Zoë O'Brien" → "zoe.obrien". */
export function localpartFromDisplayName(name: string): string {
  let s = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[\s]+/g, ".")
    .replace(/[^a-z0-9._-]/g, "")
    .replace(/\.{2,}/g, ".")
    .replace(/^[._-]+|[._-]+$/g, "")
    .slice(0, MAX_GENERATED_LENGTH)
    .replace(/[._-]+$/g, "");
  if (!s) s = "user";
  if (/^\d+$/.test(s)) s = `user${s}`;
  return s;
}

/** The first free id from a display name: name, name.2, name.3, … */
export function generateLocalpart(displayname: string, taken: (localpart: string) => boolean): string {
  const base = localpartFromDisplayName(displayname);
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}.${n}`;
    if (!taken(candidate)) return candidate;
  }
}

function sameThreepids(a: Threepid[], b: Threepid[]): boolean {
  const key = (t: Threepid) => `${t.medium}:${t.address.toLowerCase()}`;
  const sa = new Set(a.map(key));
  return sa.size === new Set(b.map(key)).size && b.every((t) => sa.has(key(t)));
}

function showThreepids(t: Threepid[] | undefined): string | null {
  return t && t.length > 0 ? t.map((x) => `${x.medium}:${x.address}`).join(";") : null;
}

/** The given fields that differ from the user's current state, in the file's column names. */
export function diffUser(input: ImportInput, current: ExistingUser, setsPassword: boolean): Change[] {
  const changes: Change[] = [];
  const bool = (field: string, want: boolean | undefined, have: boolean) => {
    if (want !== undefined && want !== have) changes.push({ field, from: String(have), to: String(want) });
  };
  if (input.displayname !== undefined && input.displayname !== current.displayname) {
    changes.push({ field: "displayname", from: current.displayname, to: input.displayname });
  }
  bool("admin", input.admin, current.admin);
  bool("deactivated", input.deactivated, current.deactivated);
  bool("locked", input.locked, current.locked);
  if (input.userType !== undefined && input.userType !== current.userType) {
    changes.push({ field: "user_type", from: current.userType, to: input.userType });
  }
  if (input.avatarUrl !== undefined && input.avatarUrl !== current.avatarUrl) {
    changes.push({ field: "avatar_url", from: current.avatarUrl, to: input.avatarUrl });
  }
  if (input.threepids !== undefined && (current.threepids === undefined || !sameThreepids(input.threepids, current.threepids))) {
    changes.push({ field: "threepids", from: showThreepids(current.threepids), to: showThreepids(input.threepids) });
  }
  if (setsPassword) changes.push({ field: "password", from: null, to: "(new password)" });
  return changes;
}

/** The admin API body for the given fields (create) or the changed ones (update). */
export function putBody(input: ImportInput, only?: Set<string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const want = (field: string) => !only || only.has(field);
  if (input.displayname !== undefined && want("displayname")) body.displayname = input.displayname;
  if (input.admin !== undefined && want("admin")) body.admin = input.admin;
  if (input.deactivated !== undefined && want("deactivated")) body.deactivated = input.deactivated;
  if (input.locked !== undefined && want("locked")) body.locked = input.locked;
  if (input.userType !== undefined && want("user_type")) body.user_type = input.userType;
  if (input.avatarUrl !== undefined && want("avatar_url")) body.avatar_url = input.avatarUrl;
  if (input.threepids !== undefined && want("threepids")) body.threepids = input.threepids;
  return body;
}

/** Whether a new account gets the file's password, a generated one, or none. */
export function passwordForCreate(mode: PasswordMode, hasCsvPassword: boolean): "csv" | "generate" | "none" {
  if (mode === "none") return "none";
  if (mode === "generate-all") return "generate";
  if (hasCsvPassword) return "csv";
  return mode === "generate-missing" ? "generate" : "none";
}

/** Updates set a password only when the file gives one and the mode uses the file's passwords. */
export function updatesPassword(mode: PasswordMode, hasCsvPassword: boolean): boolean {
  return hasCsvPassword && (mode === "csv" || mode === "generate-missing");
}

export function decide(
  input: ImportInput,
  existing: ExistingUser | undefined,
  opts: { conflict: ConflictMode; passwords: PasswordMode },
): Decision {
  if (!existing) {
    const pw = passwordForCreate(opts.passwords, input.hasPassword === true);
    return { kind: "create", body: putBody(input), generatePassword: pw === "generate" };
  }
  if (opts.conflict === "skip") return { kind: "skip", reason: msg("import.rowReasons.exists") };
  if (opts.conflict === "stop") return { kind: "stop", reason: msg("import.rowReasons.existsStop") };
  const setsPassword = updatesPassword(opts.passwords, input.hasPassword === true);
  const changes = diffUser(input, existing, setsPassword);
  if (changes.length === 0) return { kind: "skip", reason: msg("import.rowReasons.existsSame") };
  return { kind: "update", changes, body: putBody(input, new Set(changes.map((c) => c.field))) };
}

/** After a restart: did the update in flight reach Synapse? (A password change cannot be seen, so it is sent again.) */
export function updateLanded(input: ImportInput, current: ExistingUser, changes: Change[]): boolean {
  const visible = changes.filter((c) => c.field !== "password");
  if (visible.length < changes.length) return false;
  return diffUser(input, current, false).filter((c) => visible.some((v) => v.field === c.field)).length === 0;
}

