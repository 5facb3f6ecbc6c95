# syntax=docker/dockerfile:1

# ---- build: compile TypeScript, build the SQLite database from db/, drop dev dependencies
FROM node:24-bookworm AS build
WORKDIR /app

# better-sqlite3 compiles here with node-gyp (python3, make and g++ are in the full image),
# from source, never a downloaded prebuild. On Node 24 its handles must never be collected:
# src/database/sqlite.ts keeps them alive (see there).
COPY package.json package-lock.json ./
RUN npm_config_build_from_source=true npm ci --no-audit --no-fund --no-update-notifier

COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# then only production dependencies, less better-sqlite3's C sources and object files (~25 MB)
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && cd node_modules/better-sqlite3 \
 && rm -rf deps src build/Release/obj build/Release/obj.target build/Release/.deps

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

# Everything stays owned by root: the server only reads. The database is opened read-only,
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
