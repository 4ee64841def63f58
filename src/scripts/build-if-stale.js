#!/usr/bin/env node
/*
 * `npm start` runs this first (prestart). It builds with `nest build` only when dist/ is missing or
 * older than the sources, so a warm start does not wait for the compiler. "Older" means: a file
 * under src/ or migrations/, or one of the build settings and the lock file, changed after the last
 * successful build (dist/.build-stamp). Plain JavaScript on purpose: it must run before anything
 * is compiled.
 */
'use strict';
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..', '..');
const stamp = join(root, 'dist', '.build-stamp');
const entry = join(root, 'dist', 'src', 'main.js');
const inputs = ['src', 'migrations', 'package.json', 'package-lock.json', 'tsconfig.json', 'nest-cli.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let latest = st.mtimeMs; // a deleted file changes its folder
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

function stale() {
  if (!existsSync(entry) || !existsSync(stamp)) return 'no build yet';
  const built = statSync(stamp).mtimeMs;
  const changed = inputs.find((p) => newest(join(root, p)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

const why = process.env.FORCE_BUILD === 'true' ? 'FORCE_BUILD=true' : stale();
if (why) {
  process.stdout.write(`building (${why}) …\n`);
  const started = Date.now();
  const nest = join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
  const r = spawnSync(process.execPath, [nest, 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  process.stdout.write(`built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
