/**
 * Coders: who made a tag. The editor's coder is the setting `thaiPolicyLens.coder`, else the
 * `user.name` of the workspace's git configuration (the folder's `.git/config`, then the user's
 * `~/.gitconfig`), else the system user name.
 *
 * Pure: no `vscode`, no Node modules.
 */

/**
 * The `name` of the `[user]` section of a git configuration file, or undefined. Reads the plain
 * `key = value` lines git writes (a value in double quotes, `\"` and `\\` inside; comments after
 * `#` or `;` outside quotes); the last one wins, as in git.
 */
export function gitUserName(config: string): string | undefined {
  let section = '';
  let name: string | undefined;
  for (const raw of config.split(/\r?\n/)) {
    const line = raw.trim();
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"[^"]*")?\s*\]/.exec(line);
    if (header) {
      section = header[1].toLowerCase();
      continue;
    }
    if (section !== 'user') continue;
    const m = /^name\s*=\s*(.*)$/i.exec(line);
    if (!m) continue;
    let value = '';
    let quoted = false;
    for (let i = 0; i < m[1].length; i++) {
      const c = m[1][i];
      if (c === '\\' && i + 1 < m[1].length) value += m[1][++i];
      else if (c === '"') quoted = !quoted;
      else if (!quoted && (c === '#' || c === ';')) break;
      else value += c;
    }
    value = value.trim();
    if (value) name = value;
  }
  return name;
}
