# Image for the worker and the portal (one image, two commands). Built by docker-compose.yml.
FROM node:20.20.2-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production TZ=UTC
# pdftotext reads a signed plan's PDF into a draft (plan-draft/read-document.ts).
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends poppler-utils && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# The lockfile lists only this platform's optional binaries (see scripts/setup.mjs), so fall back like setup does.
RUN npm ci --no-audit --no-fund || npm install --no-save --no-audit --no-fund
COPY . .
USER node
CMD ["node_modules/.bin/tsx", "worker/main.ts"]
