import createNextIntlPlugin from "next-intl/plugin";

// next-intl's request configuration (the locale from a cookie or Accept-Language; no locale in URLs). The catalogues
// are precompiled at build time, so the browser gets no ICU parser (the users page stays within its JS budget).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { format: "json", path: "./messages", locales: "infer", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A self-contained server in .next/standalone (what the image ships and `npm start` runs).
  output: "standalone",
  // Native SQLite driver: load it from node_modules at run time instead of bundling it.
  // prom-client: one copy for instrumentation and the metrics route.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "prom-client"],
  async headers() {
    // The Content-Security-Policy (with a per-request nonce) is set in proxy.ts.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
