// One portal instance's job runtime without its web server: exactly what instrumentation.ts starts (the
// runtime with every driver, and the SIGTERM handler). The benchmarks run several of these on one PostgreSQL.
//   DATABASE_URL=postgresql://… PORTAL_INSTANCE_ID=a node --conditions=react-server --import tsx bench/job-instance.ts
async function main() {
  const { installShutdownHandler } = await import("@/lib/ops/shutdown");
  const { startJobRuntime } = await import("@/lib/jobs/boot");
  installShutdownHandler();
  startJobRuntime();
  console.log("ready");
}
// The runtime's timers are unref'd (they must not keep a portal alive); this instance lives until killed.
setInterval(() => undefined, 1 << 30);
void main();
