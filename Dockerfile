# The bot as one container image: `npm start` (tsx runs the TypeScript directly, no build step).
# Not built or run where it was written (no Docker engine there): see README "Running in production".
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only (tsx is one); the lock file pins every version, @node-rs/jieba's
# linux-x64-gnu binary included (hence Debian, not Alpine's musl).
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    SEEDS_DIR=/app/seeds \
    DATA_DIR=/data \
    PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY src ./src
# The seed articles: with DATABASE_URL, the first replica adds them to the shared corpus, and each
# replica keeps this folder as its copy of the corpus (written to, hence owned by the app's user).
COPY seeds ./seeds
RUN mkdir -p /data && chown -R node:node /data /app/seeds
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Node receives SIGTERM itself (no npm in between), so `docker stop` is a clean stop within 5 s.
CMD ["node", "--import", "tsx", "src/main.ts"]
