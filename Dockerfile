# syntax=docker/dockerfile:1
# One build, two images: `--target api` (the default) and `--target projector`.
# Node 26 is the current LTS (Node 20, the development machines' version, is past its end of
# life); pinned to an exact release so that builds are reproducible.
ARG NODE_IMAGE=node:26.10.0-trixie-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 (the embedded default) compiles from source when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY projections ./projections
# The lockfile pins better-sqlite3 12 for Node 20 (13 crashes there). On Node >= 24.19, 12 aborts
# when a Statement is garbage-collected (node::ObjectWrap cleanup hooks, nodejs/node#65446); 13 is
# Node-API and needs Node >= 22. Same API: the contract suites pass on both (Node 20 + 12, 26 + 13).
RUN npm run build && npm prune --omit=dev \
 && npm install --no-save --omit=dev better-sqlite3@13.2.0

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
RUN mkdir -p /data && chown node:node /data && chmod 700 /data
# package.json travels along: its "imports" map (#event-store, ...) resolves the compiled libs.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The official image's unprivileged user; the code stays root-owned and read-only to it.
USER node
VOLUME ["/data"]

FROM runtime AS projector
ENTRYPOINT ["node", "dist/apps/projector/src/main.js"]

FROM runtime AS api
EXPOSE 3000
ENTRYPOINT ["node", "dist/apps/api/src/main.js"]
