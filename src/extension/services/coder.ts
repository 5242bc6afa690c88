/**
 * The coder whose name new tags record: the setting `thaiPolicyLens.coder` of the folder, else
 * the `user.name` of git (the folder's `.git/config`, then `~/.gitconfig`), else the system user
 * name (from the environment; none in a browser). Read through `workspace.fs`; the git answer is
 * kept per folder until the setting changes or the window reloads.
 */
import * as vscode from 'vscode';
import { gitUserName } from '../../core';
import { readText } from './files';
import type { Settings } from './settings';

const fromGit = new Map<string, Promise<string | undefined>>();

/**
 * The environment of the Node extension host; empty in the web worker host, which has no
 * `process` (read through `globalThis`, optionally, so the web bundle never touches it).
 */
function environment(): Record<string, string | undefined> {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
}

async function gitName(folder: vscode.Uri | undefined): Promise<string | undefined> {
  const key = folder?.toString() ?? '';
  let found = fromGit.get(key);
  if (!found) {
    found = (async () => {
      const env = environment();
      const files = [folder && vscode.Uri.joinPath(folder, '.git', 'config'), env.HOME || env.USERPROFILE ? vscode.Uri.joinPath(vscode.Uri.file(env.HOME || env.USERPROFILE || '/'), '.gitconfig') : undefined];
      for (const file of files) {
        if (!file) continue;
        try {
          const name = gitUserName(await readText(file));
          if (name) return name;
        } catch {
          // no such file, or not readable: the next one
        }
      }
      return undefined;
    })();
    fromGit.set(key, found);
  }
  return found;
}

/** The coder for tags made in `folder` (undefined when nothing names one). */
export async function currentCoder(settings: Settings, folder: vscode.Uri | undefined): Promise<string | undefined> {
  const set = settings.for(folder).coder;
  if (set) return set;
  const git = await gitName(folder);
  if (git) return git;
  const env = environment();
  return (env.USER || env.USERNAME || env.LOGNAME || '').trim() || undefined;
}
