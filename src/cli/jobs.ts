/**
 * `analyze --jobs N`: the documents analysed on N worker threads. Each worker reads, analyses
 * and formats the documents it is given (by index, so the output is the one a single thread
 * writes, byte for byte); the main thread writes the results in the order of the documents. The
 * matcher is built (or loaded) once, by the main thread, and shared with the workers as bytes
 * in shared memory (`Matcher.toBytes`); a worker reads the glossary files again only for the
 * format that shows theme labels (md).
 *
 * A worker runs this same file (the bundle dist/cli.js, or the compiled module in the tests):
 * `startWorker` runs when the file is loaded in a worker made here.
 */
import { configureLanguage } from './language';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Analyzer, Matcher } from '../core';
import { analyzeDocument } from './analyzeDocument';
import { CliError, loadGlossaries } from './common';
import { formatterFor, type OutputFormat } from './format';
import { Inputs } from './input';

/** What every worker is given. */
interface WorkerSetup {
  marker: typeof WORKER_MARKER;
  glossaryFiles: string[];
  matcher: SharedArrayBuffer;
  format: OutputFormat;
  referenceDate?: string;
  maxBytes?: number;
  /** the language of the messages (`--lang`, or the environment's) */
  lang?: string;
}

/** A document to analyse, and what comes back. */
interface Job {
  index: number;
  file: string;
}
type JobResult = { index: number; output: string; warnings: string } | { index: number; error: string; warnings: string };

const WORKER_MARKER = 'thai-policy-lens analyze worker';
/** the prefix of a worker's report of a bug (not a message: the main thread words it) */
const INTERNAL = 'internal error: ';

/** The work of one worker thread: documents in, formatted documents out. */
function startWorker(setup: WorkerSetup, port: NonNullable<typeof parentPort>): void {
  if (setup.lang) configureLanguage(['--lang', setup.lang], {});
  const quiet = { stderr: { write: (): boolean => true } }; // the main thread reported the glossaries' warnings
  const inputs = new Inputs({ maxBytes: setup.maxBytes });
  const matcher = Matcher.fromBytes(new Uint8Array(setup.matcher));
  // the glossaries are read again only for the labels of the md format (or, never seen, bytes that do not read back)
  const glossaries = setup.format === 'md' || !matcher ? loadGlossaries(setup.glossaryFiles, quiet, inputs) : undefined;
  const analyzer = new Analyzer(glossaries);
  if (matcher) analyzer.useMatcher(matcher);
  const formatter = formatterFor(setup.format, glossaries);
  port.on('message', (job: Job) => {
    let warnings = '';
    const sink = { stderr: { write: (s: string): boolean => ((warnings += s), true) } };
    let result: JobResult;
    try {
      const text = inputs.text(job.file, 'file', sink);
      const doc = analyzeDocument(analyzer, formatter, job.file, text, setup.referenceDate);
      result = { index: job.index, output: [...formatter.document(doc, job.index)].join(''), warnings };
    } catch (e) {
      result = { index: job.index, error: e instanceof CliError ? e.message : `${INTERNAL}${String((e as Error)?.stack ?? e)}`, warnings };
    }
    port.postMessage(result);
  });
}

if (!isMainThread && (workerData as WorkerSetup | undefined)?.marker === WORKER_MARKER && parentPort) startWorker(workerData as WorkerSetup, parentPort);

/** True when this thread is one of the workers (then the program must not run the command line). */
export const isAnalyzeWorker = !isMainThread && (workerData as WorkerSetup | undefined)?.marker === WORKER_MARKER;

/**
 * Analyses `files` on `jobs` threads; `emit` gets each document's output and warnings in the
 * order of `files`. At the first document that fails (in that order), the documents before it
 * are emitted and a CliError is thrown (an internal error is thrown as an Error).
 */
export async function analyzeOnThreads(
  files: readonly string[],
  jobs: number,
  setup: Omit<WorkerSetup, 'marker' | 'matcher'> & { matcher: Matcher },
  emit: (output: string, warnings: string) => void,
): Promise<void> {
  const bytes = setup.matcher.toBytes();
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  const data: WorkerSetup = { marker: WORKER_MARKER, glossaryFiles: setup.glossaryFiles, matcher: shared, format: setup.format, referenceDate: setup.referenceDate, maxBytes: setup.maxBytes };
  const workers: Worker[] = [];
  const results = new Map<number, JobResult>();
  let next = 0; // the next document to give out
  let written = 0; // the next document to emit
  let failed: JobResult | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const flush = (): void => {
        for (let r = results.get(written); r; r = results.get(written)) {
          results.delete(written);
          if ('error' in r) {
            failed = r;
            resolve();
            return;
          }
          emit(r.output, r.warnings);
          written++;
        }
        if (written === files.length) resolve();
      };
      const give = (worker: Worker): void => {
        if (next >= files.length) return;
        worker.postMessage({ index: next, file: files[next] } satisfies Job);
        next++;
      };
      for (let w = 0; w < Math.min(jobs, files.length); w++) {
        const worker = new Worker(__filename, { workerData: data });
        workers.push(worker);
        worker.on('message', (result: JobResult) => {
          results.set(result.index, result);
          flush();
          // two documents in flight per worker, so that none waits for the next
          if (failed === undefined) give(worker);
        });
        worker.on('error', reject);
        give(worker);
        give(worker);
      }
      if (!files.length) resolve();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failed && 'error' in failed) {
    emit('', failed.warnings);
    if (failed.error.startsWith(INTERNAL)) throw new Error(failed.error.slice(INTERNAL.length));
    throw new CliError(failed.error);
  }
}
