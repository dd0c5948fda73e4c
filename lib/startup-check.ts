import { getEnv } from "@/lib/env";
import { getSessionSecret } from "@/lib/auth/session-secret";
import { parseAllowlist } from "@/lib/matrix/allowlist";

/** Exits the process with a clear message when the portal must not start (e.g. no SESSION_SECRET in production). */
export function checkStartupConfig(): void {
  try {
    getSessionSecret();
    parseAllowlist(getEnv().HOMESERVER_ALLOWLIST);
  } catch (e) {
    console.error(`[portal] refusing to start: ${(e as Error).message}`);
    process.exit(1);
  }
}
