# The portal as one container: migrates its database, then serves the standalone Next.js server on :3000.
# Several replicas may share one PostgreSQL (DATABASE_URL=postgresql://...); see compose.yaml and the README.
# Untested here (no Docker engine on the development machines); the layout it runs is tested by running
# scripts/assemble-image.sh + scripts/serve.sh directly.

FROM node:20-slim AS deps
WORKDIR /src
COPY package.json package-lock.json ./
# npm 11 runs install scripts only for the packages in package.json's allowScripts (better-sqlite3's prebuilt binary).
RUN npm ci --no-audit --no-fund

FROM node:20-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /src/node_modules ./node_modules
COPY . .
RUN bash scripts/prisma.sh generate >/dev/null \
 && npx next build \
 && bash scripts/assemble-image.sh /app

FROM node:20-slim AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    NEXT_MANUAL_SIG_HANDLE=true \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# Slim images have no curl or wget.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Above SHUTDOWN_GRACE_MS (10 s by default), so a running import gets its grace period.
STOPSIGNAL SIGTERM
CMD ["bash", "scripts/serve.sh"]
