// Our keybindings against VS Code's default keybindings on Linux, macOS and Windows: the tables in
// test/fixtures/keybindings/ were extracted from the VS Code server by
// scripts/extract-keybindings.mjs (run it again after moving to a newer VS Code).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../support/paths';

type Os = 'linux' | 'mac' | 'win';
const OSES: Os[] = ['linux', 'mac', 'win'];

interface Contributed {
  command: string;
  key: string;
  mac?: string;
  linux?: string;
  win?: string;
  when?: string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { keybindings: Contributed[] } };
const ours = manifest.contributes.keybindings;

function defaults(os: Os): { vscode: string; keybindings: Array<{ key: string; command: string }> } {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'keybindings', `default-${os}.json`), 'utf8'));
}

const MODIFIERS = ['ctrl', 'shift', 'alt', 'cmd', 'meta', 'win'];

/** One chord part in a canonical form: modifiers in a fixed order, then the key, lower case. */
function part(p: string): string {
  const pieces = p.toLowerCase().split('+');
  const key = pieces.pop() ?? '';
  const mods = [...new Set(pieces.map((m) => (m === 'meta' || m === 'win' ? 'cmd' : m)))].sort((a, b) => MODIFIERS.indexOf(a) - MODIFIERS.indexOf(b));
  return [...mods, key].join('+');
}

/** A keybinding as chord parts, canonical. */
export function chord(key: string): string[] {
  return key.trim().split(/\s+/).map(part);
}

/** The key a contributed keybinding has on an operating system. */
function keyOn(k: Contributed, os: Os): string {
  return (os === 'mac' ? k.mac : os === 'linux' ? k.linux : k.win) ?? k.key;
}

/**
 * The default keybindings ours would collide with on `os`: the same keys; a default whose first
 * part is our whole single key (it would take the chord's start); or, for a chord of ours, a
 * default bound to our first part alone unless VS Code's defaults use that part as a chord start
 * themselves (Ctrl+K is).
 */
export function collisions(key: string, table: Array<{ key: string; command: string }>): string[] {
  const ourParts = chord(key);
  const prefixes = new Set(table.map((d) => chord(d.key)).filter((p) => p.length > 1).map((p) => p[0]));
  const hits: string[] = [];
  for (const d of table) {
    const theirs = chord(d.key);
    const same = theirs.join(' ') === ourParts.join(' ');
    const takesOurStart = ourParts.length === 1 && theirs[0] === ourParts[0];
    const shadowsOurChord = ourParts.length > 1 && theirs.length === 1 && theirs[0] === ourParts[0] && !prefixes.has(ourParts[0]);
    if (same || takesOurStart || shadowsOurChord) hits.push(`${d.key} (${d.command})`);
  }
  return hits;
}

/** Keys the operating system (or the keyboard layout) takes before VS Code sees them. */
const SYSTEM_KEYS: Record<Os, string[]> = {
  // GNOME and KDE: a terminal, the lock screen, the desktop, switching workspaces
  linux: ['ctrl+alt+t', 'ctrl+alt+l', 'ctrl+alt+d', 'ctrl+alt+delete', 'ctrl+alt+left', 'ctrl+alt+right', 'ctrl+alt+up', 'ctrl+alt+down', 'alt+tab', 'alt+f2', 'alt+f4'],
  // Spotlight, the app switcher, hide, minimise, quit, screenshots, Mission Control
  mac: ['cmd+space', 'cmd+tab', 'cmd+h', 'cmd+m', 'cmd+q', 'cmd+shift+3', 'cmd+shift+4', 'cmd+shift+5', 'ctrl+up', 'ctrl+down', 'ctrl+left', 'ctrl+right', 'alt+cmd+escape'],
  win: ['ctrl+alt+delete', 'ctrl+shift+escape', 'alt+tab', 'alt+f4', 'ctrl+escape'],
};

describe('keybindings (package.json)', () => {
  it('reads the default tables of the three systems (extracted from VS Code by scripts/extract-keybindings.mjs)', () => {
    for (const os of OSES) {
      const table = defaults(os);
      assert.ok(table.keybindings.length > 500, `${os}: ${table.keybindings.length} default keybindings`);
      assert.match(table.vscode, /^1\.\d+\.\d+$/);
    }
    // the checks below can fail: Ctrl+Alt+G is the terminal's Send Sequence, ⌥⌘[ is Fold on macOS
    assert.deepEqual(collisions('ctrl+alt+g', defaults('linux').keybindings), ['ctrl+alt+g (workbench.action.terminal.sendSequence)']);
    assert.ok(collisions('cmd+alt+[', defaults('mac').keybindings).some((c) => c.includes('editor.fold')));
  });

  it('collide with no default keybinding on Linux, macOS or Windows', () => {
    for (const os of OSES) {
      const table = defaults(os).keybindings;
      for (const k of ours) assert.deepEqual(collisions(keyOn(k, os), table), [], `${k.command} (${keyOn(k, os)}) on ${os}`);
    }
  });

  it('use no key the system takes first, and no Ctrl+Alt+key on Linux and Windows (AltGr types characters with it on many layouts)', () => {
    for (const os of OSES) {
      for (const k of ours) {
        const parts = chord(keyOn(k, os));
        for (const p of parts) assert.ok(!SYSTEM_KEYS[os].map(part).includes(p), `${k.command}: ${p} on ${os}`);
        if (os !== 'mac') for (const p of parts) assert.ok(!/^ctrl\+alt\+[^+]+$/.test(p), `${k.command}: ${p} is AltGr+key on ${os}`);
      }
    }
  });

  it('are each scoped with a when clause', () => {
    for (const k of ours) assert.ok(k.when && k.when.trim(), `${k.command} has no when clause`);
  });

  it('are written in the README and the walkthrough as they are bound', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const walkthrough = ['tree.md', 'tag.md'].map((f) => fs.readFileSync(path.join(ROOT, 'media', 'walkthrough', f), 'utf8')).join('\n');
    const shown = (key: string) =>
      chord(key)
        .map((p) =>
          p
            .split('+')
            .map((x) => (x.length === 1 ? x.toUpperCase() : x[0].toUpperCase() + x.slice(1)))
            .join('+'),
        )
        .join(' ');
    for (const k of ours) {
      assert.ok(readme.includes(`\`${shown(k.key)}\``), `README: ${k.command} as \`${shown(k.key)}\``);
      assert.ok(walkthrough.includes(`\`${shown(k.key)}\``), `walkthrough: ${k.command} as \`${shown(k.key)}\``);
    }
    assert.ok(!/Ctrl\+Alt\+[\][GT]/.test(readme + walkthrough), 'no old Ctrl+Alt keys left');
  });
});
