# syntax=docker/dockerfile:1
# Build stage: install dependencies (postinstall generates the Prisma client), then drop dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci && npm prune --omit=dev --ignore-scripts

# Runtime stage: non-root, applies migrations, then starts. Configure with the environment (see README).
FROM node:20-bookworm-slim
# HTTP_HOST 0.0.0.0: node agents reach the HTTP API from outside the container (publish port 3000).
ENV NODE_ENV=production STEWARD_DATA_DIR=/data HTTP_HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/src/generated ./src/generated
COPY package.json prisma.config.ts ./
COPY bin ./bin
COPY commands ./commands
COPY contracts/out ./contracts/out
COPY prisma ./prisma
COPY src ./src
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# Only the HTTP API. The sandbox (no DISCORD_TOKEN) stays on the container's loopback: its control API acts as any
# user, so it is not published (see README, "The sandbox").
EXPOSE 3000
CMD ["sh", "-c", "node bin/steward.js migrate && exec node bin/steward.js start"]
