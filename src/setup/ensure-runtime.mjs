#!/usr/bin/env node
// Runs before `npm start` and `npm test` on whatever Node the machine has (Node 20 on a fresh box), so it
// uses only built-ins and must stay plain JavaScript.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser, NO_BROWSER_HELP } from '../../audits/shared/browser-path.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MIN_NODE = [22, 19];

function log(line) {
  process.stderr.write(`[setup] ${line}\n`);
}

function versionOf(nodeBinary) {
  const out = spawnSync(nodeBinary, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() : null;
}

function isRecentEnough(version) {
  const [major, minor] = version.split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

function dependenciesAreCurrent() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return false;
  // npm rewrites its hidden lockfile on every install, so an older one means package.json changed since.
  const newest = Math.max(statSync(join(root, 'package.json')).mtimeMs, statSync(join(root, 'package-lock.json')).mtimeMs);
  return statSync(marker).mtimeMs >= newest - 1000;
}

function installDependencies() {
  log('installing dependencies (npm ci); this fetches Node 24 from the npm registry as the `node` package');
  // Puppeteer must never fetch a browser: the machine's Chromium is used.
  const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1' };
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 2, 2], env });
}

function ensureNode() {
  const local = join(root, 'node_modules', '.bin', 'node');
  const version = existsSync(local) ? versionOf(local) : null;
  if (!version || !isRecentEnough(version)) {
    throw new Error(`Node ${MIN_NODE.join('.')}+ is needed and node_modules/.bin/node is ${version ?? 'missing'}; run \`npm ci\`.`);
  }
  return version;
}

function ensureBrowser() {
  const found = findBrowser();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (isRoot && hasApt) {
    log("no browser found; installing Debian's chromium with apt-get");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 2, 2], env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 2, 2], env });
    const installed = findBrowser();
    if (installed) return installed;
  }
  throw new Error(NO_BROWSER_HELP);
}

try {
  if (!dependenciesAreCurrent()) installDependencies();
  const nodeVersion = ensureNode();
  const browser = ensureBrowser();
  if (process.env.SETUP_VERBOSE) log(`node ${nodeVersion}, browser ${browser}`);
} catch (error) {
  log(`setup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
