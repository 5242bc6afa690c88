// Shared helpers of the integration tests (run inside the real extension host).
import * as vscode from 'vscode';
import type { ThaiPolicyLensApi } from '../../src/extension/extension';
import type { TreeItemSnapshot } from '../../src/extension/features/themeTree';

export const EXTENSION_ID = 'thai-policy-lens.thai-policy-lens';

export async function getApi(): Promise<ThaiPolicyLensApi> {
  const ext = vscode.extensions.getExtension<ThaiPolicyLensApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  await api.ready();
  return api;
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Polls `probe` until it returns a value that is not undefined (or throws after `ms`). */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Thai policy sentences (terms, countries, dates) for the large documents of the measurements. */
export const POLICY_SENTENCES = [
  'กระทรวงการต่างประเทศแถลงว่าการทูตดิจิทัลเป็นเครื่องมือสำคัญของความร่วมมือกับสาธารณรัฐอินโดนีเซีย',
  'เมื่อวันที่ 16 พฤศจิกายน 2564 ที่ประชุมย้ำการไม่แพร่ขยายอาวุธนิวเคลียร์และการหยุดยิง',
  'คณะรัฐมนตรีเห็นชอบการเจรจาทวิภาคีกับสหรัฐฯ ญี่ปุ่น และสปป.ลาว ภายในปี พ.ศ. 2569',
  'รายงานฉบับนี้กล่าวถึงการทูตสาธารณะและบทบาทของภาคประชาสังคมในภูมิภาคเอเชียตะวันออกเฉียงใต้',
];

/** Lines of POLICY_SENTENCES, in turn, until the text has at least `chars` characters (with a final newline). */
export function policyText(chars: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < chars; i++) {
    const line = POLICY_SENTENCES[i % POLICY_SENTENCES.length];
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

/** [start, end] of every occurrence of `needle` in `text`. */
export function spansOf(text: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push([i, i + needle.length]);
  return out;
}

export async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function setSetting(section: string, value: unknown): Promise<void> {
  const dot = section.lastIndexOf('.');
  await vscode.workspace.getConfiguration(section.slice(0, dot)).update(section.slice(dot + 1), value, vscode.ConfigurationTarget.Workspace);
}

/** The tree item with this id, anywhere in the tree. */
export function findItem(items: TreeItemSnapshot[] | undefined, id: string): TreeItemSnapshot | undefined {
  for (const item of items ?? []) {
    if (item.id === id) return item;
    const inner = findItem(item.children, id);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * The extension host's blocked time, as its own timers see it: a timer due every 5 ms, and how
 * late each tick came (the longest lateness is the longest stretch the host could not answer).
 * `stop()` gives the longest, and how many ticks came more than `stallMs` late.
 */
export function watchEventLoop(stallMs: number): { stop(): { maxMs: number; stalls: number } } {
  let last = performance.now();
  let maxMs = 0;
  let stalls = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - 5;
    if (late > maxMs) maxMs = late;
    if (late > stallMs) stalls++;
    last = now;
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      // a stall still running when the watch stops (no tick has measured it yet)
      const late = performance.now() - last - 5;
      if (late > maxMs) maxMs = late;
      if (late > stallMs) stalls++;
      return { maxMs, stalls };
    },
  };
}
