// Typed failures of calls to a homeserver. Client-safe (no secrets are ever put in them).

/** Synapse answered with a Matrix error body (`{errcode, error}`) or a non-2xx status. */
export class SynapseError extends Error {
  readonly name = "SynapseError";
  constructor(
    readonly status: number,
    readonly errcode: string,
    readonly error: string,
    readonly retryAfterMs?: number,
    readonly softLogout?: boolean,
  ) {
    super(`${status} ${errcode}: ${error}`);
  }
}

/** `policy`: the portal refused to connect (network guard); `too-large`: the answer exceeded the size cap. */
export type UnreachableKind = "timeout" | "network" | "not-matrix" | "redirect" | "policy" | "too-large";

/** The homeserver could not be reached, or what answered is not a Matrix homeserver. */
export class HomeserverUnreachableError extends Error {
  readonly name = "HomeserverUnreachableError";
  constructor(
    readonly kind: UnreachableKind,
    readonly url: string,
    detail: string,
  ) {
    super(detail);
  }
}

export function isSynapseError(e: unknown, errcode?: string): e is SynapseError {
  return e instanceof SynapseError && (errcode === undefined || e.errcode === errcode);
}

/** The read's value, or null when Synapse answers M_NOT_FOUND (every other failure is thrown on). */
export async function nullIfNotFound<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (e) {
    if (isSynapseError(e, "M_NOT_FOUND")) return null;
    throw e;
  }
}

/** The read's value, or `missing` when Synapse answers 404 with any errcode (media, users by ID, optional endpoints). */
export async function on404<T, M>(read: () => Promise<T>, missing: M): Promise<T | M> {
  try {
    return await read();
  } catch (e) {
    if (isSynapseError(e) && e.status === 404) return missing;
    throw e;
  }
}

/** The token no longer works: logged out elsewhere, the user was deactivated, or it was locked. */
export function isSessionEnded(e: unknown): boolean {
  return (
    e instanceof SynapseError &&
    e.status === 401 &&
    (e.errcode === "M_UNKNOWN_TOKEN" || e.errcode === "M_MISSING_TOKEN" || e.errcode === "M_USER_LOCKED")
  );
}

/** A step of the OAuth 2.0 sign-in (homeservers that delegate to MAS) that failed; the detail is never shown. */
export type OAuthFailure = "issuer-unreachable" | "bad-metadata" | "registration-refused" | "access-denied" | "scope-refused" | "state-mismatch" | "token-refused";

export class OAuthFlowError extends Error {
  readonly name = "OAuthFlowError";
  constructor(
    readonly kind: OAuthFailure,
    readonly issuer: string,
    detail: string,
  ) {
    super(detail);
  }
}
