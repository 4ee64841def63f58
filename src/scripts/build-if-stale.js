#!/usr/bin/env node
/*
 * `npm start` runs this first (prestart); `npm run build` runs it with --force. It builds with
 * `nest build` only when dist/ does not hold a build of the current sources, so a warm start does
 * not wait for the compiler.
 *
 * The sources are the files under src/ (tests excluded) and migrations/, the build settings and the
 * lock file. A build records a SHA-256 of their contents in dist/.build-stamp. At start, when no
 * source is newer than the stamp, dist is current (a few hundred stat calls). When one looks newer,
 * the contents decide: a checkout, merge, rebase or stash rewrites files with a new mtime but often
 * the same bytes, and judging by mtime alone then rebuilt on every first start after it (about 10 s
 * of `nest build` before the service could answer). Same contents: the stamp is touched and nothing
 * is built; other contents: it builds. Plain JavaScript on purpose: it must run before anything is
 * compiled.
 */
'use strict';
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..', '..');
const stamp = join(root, 'dist', '.build-stamp');
const entry = join(root, 'dist', 'src', 'main.js');
const inputs = ['src', 'migrations', 'package.json', 'package-lock.json', 'tsconfig.json', 'nest-cli.json'];
/** not part of the build (src/tsconfig.build.json leaves the unit tests out) */
const ignored = (name) => name.endsWith('.spec.ts');

/** Every input file, sorted, as paths relative to the repository. */
function files(path, out = []) {
  if (!existsSync(path)) return out;
  const st = statSync(path);
  if (!st.isDirectory()) {
    out.push(path);
    return out;
  }
  for (const name of readdirSync(path).sort()) if (!ignored(name)) files(join(path, name), out);
  return out;
}

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let latest = st.mtimeMs; // a deleted file changes its folder
  for (const name of readdirSync(path)) if (!ignored(name)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

function contentsHash() {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of files(join(root, input))) {
      hash.update(relative(root, file).split('\\').join('/'));
      hash.update('\0');
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

function recorded() {
  try {
    return JSON.parse(readFileSync(stamp, 'utf8')).sources ?? null;
  } catch {
    return null; // a stamp from before contents were recorded (a date only), or none
  }
}

/** null when dist is current; otherwise why it is not. */
function stale() {
  if (!existsSync(entry) || !existsSync(stamp)) return 'no build yet';
  const built = statSync(stamp).mtimeMs;
  const changed = inputs.find((p) => newest(join(root, p)) > built);
  if (!changed) return null;
  if (recorded() === contentsHash()) {
    // touched but not changed: remember that, so the next start takes the quick path
    const now = new Date();
    utimesSync(stamp, now, now);
    return null;
  }
  return `${changed} changed since the last build`;
}

const force = process.argv.includes('--force') || process.env.FORCE_BUILD === 'true';
const why = force ? 'asked for' : stale();
if (why) {
  process.stdout.write(`building (${why}) …\n`);
  const started = Date.now();
  // the contents as the compiler reads them; the stamp gets this moment as its mtime, so a file
  // saved during the build is newer than the stamp, differs from `sources`, and is built next time
  const sources = contentsHash();
  const nest = join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
  const r = spawnSync(process.execPath, [nest, 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stamp, `${JSON.stringify({ builtAt: new Date().toISOString(), sources })}\n`);
  utimesSync(stamp, new Date(started), new Date(started));
  process.stdout.write(`built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
