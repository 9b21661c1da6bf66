# Gatehouse as a container: `docker compose up --build` (compose.yaml) runs it with a PostgreSQL beside it.
# Give it DATABASE_URL; without one it starts an embedded PostgreSQL under /data (DATA_DIR), a volume worth mounting.
ARG NODE_IMAGE=node:20-bookworm-slim

# Production dependencies only. argon2 (a native addon) installs from its prebuilt binaries; the compiler and python
# are here in case a platform has none, and stay out of the final image. The console is built in its own stage, so
# `prepare` (which builds it with the dev dependencies) is left out here.
FROM ${NODE_IMAGE} AS deps
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 g++ make \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm pkg delete scripts.prepare && npm ci --omit=dev --no-audit --no-fund

# The admin console (web/ -> web/dist): `npm ci` runs `prepare`, which builds it.
FROM deps AS console
COPY package.json package-lock.json ./
COPY tsconfig.json ./
COPY web ./web
RUN npm ci --no-audit --no-fund

# The server's TypeScript as plain JavaScript (dist/), as `npm start` builds it (`npm run build`).
FROM deps AS server
COPY tsconfig.json ./
COPY scripts/build-server.ts ./scripts/
COPY migrations ./migrations
COPY src ./src
RUN node --import tsx scripts/build-server.ts

FROM ${NODE_IMAGE}
# The malloc settings are `npm start`'s (package.json; docs/performance.md, memory): one arena, so that password
# hashes reuse one another's 19 MiB instead of each libuv thread keeping its own.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    DATA_DIR=/data \
    MALLOC_ARENA_MAX=1 \
    MALLOC_MMAP_THRESHOLD_=33554432 \
    MALLOC_TRIM_THRESHOLD_=134217728
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY --from=server /app/dist ./dist
COPY --from=console /app/web/dist ./web/dist
# The unprivileged `node` user of the base image runs the server; it may write only /data (the embedded
# PostgreSQL's data when no DATABASE_URL is given).
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000
# Ready: the database answers and every migration is applied. The slim image has no curl: node's fetch asks.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# What `npm start` runs (package.json), as one process that receives SIGTERM itself: the build on plain Node, with
# the same V8 flags (a 16 MiB semi-space; a heap-growing factor of 1.3; no allocation-site pretenuring).
CMD ["node", "--max-semi-space-size=16", "--heap-growing-percent=30", "--no-allocation-site-pretenuring", "dist/src/main.js"]
