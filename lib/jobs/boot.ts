// Starts this instance's job runtime (from instrumentation.ts): every job left running, queued or
// cancelling by any instance is continued by whichever instance is up, not on a page view.
import "server-only";
import { importDriver, dropStaleUploads } from "./import-runner";
import { jobDriver } from "./job-driver";
import { registerJobKinds } from "./kinds";
import { jobRuntime } from "./runtime";

export function startJobRuntime(): void {
  // `next build` may load the server to prerender pages: it must not claim anybody's jobs.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  registerJobKinds();
  jobRuntime().register(jobDriver).register(importDriver).start();
  // Uploads a crash cut off; only old ones, since another instance may be storing an upload right now.
  dropStaleUploads().catch((e) => console.error("[portal] could not drop interrupted uploads:", e instanceof Error ? e.message : e));
}
