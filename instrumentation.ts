// Runs once when the server starts: refuse to serve with an unsafe configuration.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkStartupConfig } = await import("./lib/startup-check");
  checkStartupConfig();
  const { installNetworkPolicy } = await import("./lib/auth/network-policy");
  installNetworkPolicy();
  // SIGTERM lets running imports go on for a grace period (with NEXT_MANUAL_SIG_HANDLE=true, as in the image).
  const { installShutdownHandler } = await import("./lib/ops/shutdown");
  installShutdownHandler();
  // Count requests to Synapse from the start when metrics are on.
  const { getEnv } = await import("./lib/env");
  if (getEnv().METRICS_TOKEN) (await import("./lib/ops/metrics")).metricsRegistry();
  // Jobs of every kind (CSV imports included), from any instance, are claimed and continued here (lib/jobs/runtime.ts).
  const { startJobRuntime } = await import("./lib/jobs/boot");
  startJobRuntime();
}
