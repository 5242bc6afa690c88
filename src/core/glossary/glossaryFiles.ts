/**
 * Which files are glossaries: every `*.glossary.yaml` (or `.yml`) of the workspace outside
 * `node_modules` and `.git` folders, and the files a user names (setting
 * `thaiPolicyLens.glossaryFiles`): absolute, or relative to the workspace folder. The editor and
 * the command line find them by these rules. Also the folders the scans skip, and where exports go.
 *
 * Pure: no `vscode`, no Node modules.
 */

/** The glob of glossary files in a workspace. */
export const GLOSSARY_GLOB = '**/*.glossary.{yaml,yml}';
/** Folders never searched for glossaries (or documents). */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git'];
/** `SKIPPED_FOLDERS` as one exclude glob. */
export const SKIPPED_FOLDERS_GLOB = `{${SKIPPED_FOLDERS.map((f) => `**/${f}/**`).join(',')}}`;
/**
 * The folder the editor's exports go to by default, relative to the workspace folder. Documents
 * in it are never indexed, so the extension's own output does not feed back into its counts.
 */
export const EXPORTS_FOLDER = '.policy-lens/exports';
/** The glossary file made in a workspace that has none (Create Starter Glossary, Add to Glossary). */
export const NEW_GLOSSARY_FILE = 'policy.glossary.yaml';

/** True for a path or file name that names a glossary file (`*.glossary.yaml` / `*.glossary.yml`). */
export function isGlossaryFileName(path: string): boolean {
  return /\.glossary\.ya?ml$/i.test(path);
}

/** True for an absolute path, POSIX (`/...`) or Windows (`C:\...`, `C:/...`). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path);
}
