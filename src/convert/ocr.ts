/**
 * OCR of the PDF pages without a text layer (scanned), where the Debian packages are installed:
 * `pdftoppm` (poppler-utils) renders a page to an image, `tesseract` (tesseract-ocr, with the
 * Thai data of tesseract-ocr-tha) reads it. The command line (`convert`, `analyze`) and the
 * editor's Import Document both pass `ocrPages` to `convertDocument` as its `ocr` option.
 *
 * Node only (child processes): the web build of the extension takes `unavailable.ts` instead,
 * which says so. Bytes in, text out, as the other converters: the PDF goes to `pdftoppm` on its
 * standard input, the image from its standard output to `tesseract`'s, no file written. The tools
 * run as child processes, never blocking the thread (the extension host stays responsive), each
 * with a time limit and a bound on what it writes, and are stopped when the `signal` is aborted.
 */
import { spawn } from 'node:child_process';

export { OCR_PACKAGES } from './errors';

/** Each page's time limit for each tool, so a stuck tool never hangs a conversion. */
const PAGE_TIMEOUT_MS = 120_000;
/** The most a tool may write (a page's image), so a huge page never fills the memory. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** The error `ocrPages` rejects with when its `signal` is aborted. */
export class OcrCancelled extends Error {
  constructor() {
    super('OCR cancelled');
  }
}

interface RunResult {
  ok: boolean;
  stdout: Buffer;
  stderr: string;
  /** the tool could not be started (not installed) */
  missing: boolean;
}

/** Runs a tool with `input` on its standard input; never rejects but when `signal` is aborted. */
function runTool(cmd: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; timeout: number; signal?: AbortSignal; input?: Uint8Array }): Promise<RunResult> {
  const { signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new OcrCancelled());
    const child = spawn(cmd, args, { env: options.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failed = false;
    let settled = false;
    const stop = (): void => {
      failed = true;
      child.kill();
    };
    const timer = setTimeout(stop, options.timeout);
    signal?.addEventListener('abort', stop);
    const settle = (result: RunResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      if (signal?.aborted) reject(new OcrCancelled());
      else resolve(result);
    };
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (size > MAX_OUTPUT_BYTES) stop();
      else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if (stderr.length < 10_000) stderr += b.toString('utf8');
    });
    // a tool that exits without reading all of its input closes the pipe: not an error here
    child.stdin.on('error', () => undefined);
    child.on('error', (e: NodeJS.ErrnoException) => settle({ ok: false, stdout: Buffer.alloc(0), stderr, missing: e.code === 'ENOENT' || e.code === 'EACCES' }));
    child.on('close', (code) => settle({ ok: code === 0 && !failed, stdout: Buffer.concat(out), stderr, missing: false }));
    child.stdin.end(options.input);
  });
}

/**
 * The OCR tools missing on this machine (empty: OCR can run): `pdftoppm`, `tesseract`, or
 * `tesseract tha` (tesseract without its Thai data); `env` the PATH to look in.
 */
export async function missingOcrTools(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const [pdftoppm, tesseract] = await Promise.all([runTool('pdftoppm', ['-v'], { env, timeout: 10_000 }), runTool('tesseract', ['--list-langs'], { env, timeout: 10_000 })]);
  const missing: string[] = [];
  if (pdftoppm.missing) missing.push('pdftoppm');
  if (tesseract.missing) missing.push('tesseract');
  else if (!/^tha$/m.test(tesseract.stdout.toString('utf8') + tesseract.stderr)) missing.push('tesseract tha');
  return missing;
}

export interface OcrOptions {
  env?: NodeJS.ProcessEnv;
  /** stops the tools and rejects with OcrCancelled */
  signal?: AbortSignal;
  /** before each page: the page number, how many pages were done, and how many there are */
  onPage?: (page: number, done: number, total: number) => void;
}

/**
 * The text of `pages` of a PDF read by OCR (Thai and English), by page number; a page the
 * tools fail on is left out (it stays a page without text).
 */
export async function ocrPages(pdf: Uint8Array, pages: readonly number[], options: OcrOptions = {}): Promise<Map<number, string>> {
  const { env, signal } = options;
  const out = new Map<number, string>();
  for (const [done, page] of pages.entries()) {
    options.onPage?.(page, done, pages.length);
    const image = await runTool('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '300', '-gray', '-png', '-singlefile', '-'], { env, timeout: PAGE_TIMEOUT_MS, signal, input: pdf });
    if (!image.ok || !image.stdout.length) continue;
    const read = await runTool('tesseract', ['stdin', 'stdout', '-l', 'tha+eng', '--psm', '3'], { env, timeout: PAGE_TIMEOUT_MS, signal, input: image.stdout });
    if (read.ok) out.set(page, read.stdout.toString('utf8'));
  }
  return out;
}
