// Managed users: bridge and bot accounts that another program runs (Synapse's appservice flag, or the MXIDs a
// homeserver's setting names by a regex). Bulk actions over "all matching" and notices leave them out. Client-safe.

import { msg } from "@/lib/i18n/message";

export const MANAGED_PATTERN_MAX = 500;

/** Why the pattern cannot be used, or null. Matched against the whole MXID (anchor it with ^ and $). */
export function managedPatternProblem(pattern: string): string | null {
  if (pattern.length > MANAGED_PATTERN_MAX) return msg("settings.errors.patternTooLong", { max: MANAGED_PATTERN_MAX });
  try {
    new RegExp(pattern, "u");
  } catch (e) {
    // The engine's own reason (English, like Synapse's words) goes into the sentence as it is.
    const reason = e instanceof SyntaxError ? e.message.replace(/^Invalid regular expression: (\/.*\/[a-z]*: )?/, "") : null;
    return reason === null ? msg("settings.errors.patternNoCompile", { pattern }) : msg("settings.errors.patternInvalid", { pattern, reason });
  }
  return null;
}

/** Whether the MXID matches the homeserver's pattern (none saved, or an unusable one: nobody). */
export function matchesManagedPattern(userId: string, pattern: string | null | undefined): boolean {
  if (!pattern || managedPatternProblem(pattern)) return false;
  return new RegExp(pattern, "u").test(userId);
}

/** Why the user is managed (a message reference), or null when it is an ordinary account. */
export function managedReason(userId: string, appserviceId: string | null | undefined, pattern: string | null | undefined): string | null {
  if (appserviceId) return msg("errors.MANAGED_REASON_APPSERVICE", { id: appserviceId });
  if (pattern && matchesManagedPattern(userId, pattern)) return msg("errors.MANAGED_REASON_PATTERN", { pattern });
  return null;
}

/** A job's line for a managed user it left out (a message reference), or null for an ordinary account. */
export function managedSkipMessage(userId: string, appserviceId: string | null | undefined, pattern: string | null | undefined): string | null {
  if (appserviceId) return msg("jobs.managedSkip.appservice", { id: appserviceId });
  if (pattern && matchesManagedPattern(userId, pattern)) return msg("jobs.managedSkip.pattern", { pattern });
  return null;
}
