# syntax=docker/dockerfile:1
# Build stage: install every dependency (postinstall generates the Prisma client), compile to JavaScript in dist/
# (npm run build), then drop the dev dependencies (tsx, solc, the test tools; npm keeps Prisma's CLI and TypeScript,
# which @prisma/client lists as optional peers).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The workspace packages' manifests, for npm ci to link them (their sources come before the build).
COPY packages/discord-sandbox/package.json ./packages/discord-sandbox/
COPY packages/github-sandbox/package.json ./packages/github-sandbox/
COPY packages/managed-postgres/package.json ./packages/managed-postgres/
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY commands ./commands
COPY contracts/out ./contracts/out
COPY src ./src
COPY packages ./packages
RUN npm run build && npm prune --omit=dev --ignore-scripts

# Runtime stage: compiled JavaScript run by node itself (no TypeScript loader), production dependencies only,
# non-root; applies migrations, then starts. Configure with the environment (see docs/operators/settings.md).
FROM node:20-bookworm-slim
# HTTP_HOST 0.0.0.0: node agents reach the HTTP API from outside the container (publish port 3000).
ENV NODE_ENV=production STEWARD_DATA_DIR=/data HTTP_HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# node_modules links each workspace package to packages/<name>, whose package.json points at its compiled dist/.
COPY --from=build /app/packages ./packages
COPY package.json ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# Only the HTTP API. The sandbox (no DISCORD_TOKEN) stays on the container's loopback: its control API acts as any
# user, so it is not published (see docs/developers/sandbox.md).
EXPOSE 3000
CMD ["sh", "-c", "node dist/src/cli.js migrate && exec node dist/src/cli.js start"]
