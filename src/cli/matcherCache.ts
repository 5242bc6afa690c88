/**
 * The matcher of a glossary, built once and kept on disk: `analyze` on the same glossary
 * files loads it instead of building it again. The cache is in the user's cache folder
 * (`$XDG_CACHE_HOME/thai-policy-lens`, else `~/.cache/thai-policy-lens`), one file per key, the
 * key a SHA-256 of the glossary files' texts (in order), the program's version and the program
 * file itself (its size and time, so that a rebuilt program never reads an older matcher). A
 * file that cannot be read or is not a matcher is ignored (and written again); a cache that
 * cannot be written is left alone: the command never fails because of it. Glossaries with
 * warnings are not cached (their warnings are written on every run).
 * `TPL_MATCHER_CACHE=off` in the environment leaves the cache out (the matcher is built).
 *
 * With `TPL_TIMINGS=1` in the environment, how the matcher was obtained goes to standard error
 * (`matcher: cache loaded in N ms` or `matcher: built in N ms`): the bench reads it.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Matcher, type Analyzer } from '../core';
import pkg from '../../package.json';
import type { WarningSink } from './common';

/** The folder of the cache. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'thai-policy-lens');
}

/** The key of a list of glossary texts, for this program. */
export function matcherKey(glossaries: ReadonlyArray<{ file: string; text: string }>): string {
  const hash = createHash('sha256');
  let program = '';
  try {
    const stat = fs.statSync(__filename);
    program = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    program = 'unknown';
  }
  hash.update(`thai-policy-lens ${pkg.version} ${program}\n`);
  for (const g of glossaries) hash.update(`${g.text.length}\n${g.text}\n`);
  return hash.digest('hex');
}

/** The file of a key in the cache. */
function cacheFile(key: string, env: NodeJS.ProcessEnv): string {
  return path.join(cacheDir(env), `matcher-${key.slice(0, 32)}.bin`);
}

/**
 * The matcher in the cache for `key`, if there is a good one. Only glossaries that loaded
 * without an error or a warning are cached, so a run that finds one need not read the
 * glossaries again (unless it shows their labels).
 */
export function cachedMatcher(key: string, io: WarningSink, env: NodeJS.ProcessEnv = process.env): Matcher | undefined {
  if (env.TPL_MATCHER_CACHE === 'off') return undefined;
  const started = performance.now();
  let bytes: Buffer | undefined;
  try {
    bytes = fs.readFileSync(cacheFile(key, env));
  } catch {
    return undefined;
  }
  const matcher = Matcher.fromBytes(bytes);
  if (matcher && env.TPL_TIMINGS === '1') io.stderr.write(`matcher: cache loaded in ${(performance.now() - started).toFixed(2)} ms\n`);
  return matcher;
}

/**
 * Gives `analyzer` its matcher: the cached one for `key` when there is one, else built, and
 * written to the cache when `cacheable` (glossaries without warnings).
 */
export function provideMatcher(analyzer: Analyzer, key: string, io: WarningSink, env: NodeJS.ProcessEnv = process.env, cacheable = true): void {
  const cached = cacheable ? cachedMatcher(key, io, env) : undefined;
  if (cached) {
    analyzer.useMatcher(cached);
    return;
  }
  const started = performance.now();
  const matcher = analyzer.getMatcher();
  if (env.TPL_TIMINGS === '1') io.stderr.write(`matcher: built in ${(performance.now() - started).toFixed(2)} ms\n`);
  if (!cacheable || env.TPL_MATCHER_CACHE === 'off') return;
  const file = cacheFile(key, env);
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(temporary, matcher.toBytes(), { mode: 0o600 });
    fs.renameSync(temporary, file);
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // no folder to remove it from
    }
  }
}
