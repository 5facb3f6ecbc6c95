# syntax=docker/dockerfile:1
# Build with `podman build --format docker -t trafficking-facts .` (or `docker build`): podman's
# default OCI format drops the HEALTHCHECK below. `npm run test:container` builds, runs and checks it.

# ---- build: compile TypeScript, build the SQLite database from db/, drop dev dependencies
FROM node:24-bookworm AS build
WORKDIR /app

# One dependency runs an install script: roaring (compressed bitmaps, CRoaring) compiles its
# native module with this stage's python3, make and g++ (build_from_source: its installer would
# otherwise first try to download a prebuilt binary), against the headers of the node that runs
# here (nodedir: nothing is downloaded, and a module built for another Node fails to load with
# "Module did not self-register"). package.json's allowScripts denies the
# others: better-sqlite3 13 ships its native binary for linux-x64/arm64 (glibc and musl) in
# prebuilds/ inside the npm package, and its implicit `node-gyp rebuild` compiles nothing when
# that binary is there; esbuild's postinstall (for tsx, a dev dependency) only optimises its launcher.
COPY package.json package-lock.json ./
RUN npm_config_nodedir=/usr/local npm_config_build_from_source=true npm ci --no-audit --no-fund --no-update-notifier

COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# then only production dependencies, less what the runtime never loads: better-sqlite3's SQLite
# and C++ sources, the prebuilt binaries of other platforms, node-addon-api (C++ headers for a
# compile that does not happen), TypeScript declarations, source maps, tsc's build record
# (dist/.tsbuildinfo, for `npm start`'s up-to-date check) and empty folders
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && bs=node_modules/better-sqlite3 \
 && keep="linux-$(node -p process.arch).node" \
 && test -f "$bs/prebuilds/$keep" \
 && find "$bs/prebuilds" -type f ! -name "$keep" -delete \
 && rm -rf "$bs/deps" "$bs/src" "$bs/build" "$bs/binding.gyp" node_modules/node-addon-api \
 && find node_modules \( -name '*.d.ts' -o -name '*.d.cts' -o -name '*.d.mts' -o -name '*.map' -o -name '*.a' \) -type f -delete \
 && find node_modules -depth -type d -empty -delete \
 && find dist \( -name '*.map' -o -name '.tsbuildinfo' \) -type f -delete \
 && node -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()" \
 && node -e "if (require('roaring').RoaringBitmap32.from([1, 2]).andCardinality(require('roaring').RoaringBitmap32.from([2])) !== 1) process.exit(1)"

# last, so that a change to the curated data only rebuilds the database
COPY migrations ./migrations
COPY db ./db
RUN DATA_DIR=db MIGRATIONS_DIR=migrations DATABASE_PATH=data/facts.sqlite node dist/cli/build-db.js

# ---- runtime
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_PATH=/app/data/facts.sqlite
WORKDIR /app

# Everything stays owned by root: the server only reads, so the root filesystem can be mounted
# read-only (`--read-only`, Kubernetes readOnlyRootFilesystem). The database is opened read-only,
# and db/ matches the database's content hash, so the server never rebuilds it at start.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/migrations ./migrations
COPY --from=build /app/db ./db
COPY --from=build /app/data ./data

USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
CMD ["node", "dist/server.js"]
