// Builds dist/ when it is missing or older than the sources (unless told not to).
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {publicEntries, ROOT} from './sizes.mjs';

const COMMANDS = [
  ['lit-localize', ['build']],
  ['vite', ['build']],
  ['vite', ['build', '--mode', 'bundle']],
];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    // src/generated is written by lit-localize build itself.
    if (entry.isDirectory()) {
      if (path !== join(ROOT, 'src', 'generated')) newest = Math.max(newest, newestMtime(path));
    } else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Why dist/ must be rebuilt, or '' when it is complete and newer than src/, locales/ and the config. */
export function buildReason() {
  const missing = publicEntries()
    .map(({file}) => file)
    .concat(['dist/chunks/estimator-worker.js', 'dist/bundle/chunks/estimator-worker.js'])
    .filter((file) => !existsSync(resolve(ROOT, file)));
  if (missing.length) return `missing ${missing.join(', ')}`;
  const built = Math.min(...publicEntries().map(({file}) => statSync(resolve(ROOT, file)).mtimeMs));
  const inputs = Math.max(
    newestMtime(resolve(ROOT, 'src')),
    existsSync(resolve(ROOT, 'locales')) ? newestMtime(resolve(ROOT, 'locales')) : 0,
    statSync(resolve(ROOT, 'vite.config.ts')).mtimeMs,
    statSync(resolve(ROOT, 'package.json')).mtimeMs,
  );
  return inputs > built ? 'sources are newer than dist/' : '';
}

/** Runs `lit-localize build && vite build && vite build --mode bundle`; throws with the output on failure. */
export function build() {
  const started = performance.now();
  for (const [bin, args] of COMMANDS) {
    const result = spawnSync(resolve(ROOT, 'node_modules', '.bin', bin), args, {
      cwd: ROOT,
      encoding: 'utf8',
      env: {...process.env, NO_COLOR: '1'},
    });
    if (result.status !== 0) {
      throw new Error(`${bin} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
  }
  return performance.now() - started;
}
