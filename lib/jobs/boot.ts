// Starts this instance's job runtime (from instrumentation.ts): every job left running, queued or
// cancelling by any instance is continued by whichever instance is up, not on a page view.
import "server-only";
import { jobDriver } from "./job-driver";
import { registerJobKinds } from "./kinds";
import { jobRuntime } from "./runtime";

export function startJobRuntime(): void {
  // `next build` may load the server to prerender pages: it must not claim anybody's jobs.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  registerJobKinds();
  jobRuntime().register(jobDriver).start();
}
