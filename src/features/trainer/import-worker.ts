/**
 * The import worker: reading, digest checks, record building and aggregation run here, off the main thread, so
 * the trainer page keeps answering while thousands of files are imported.
 */
import { runImport, type ImportRequest, type WorkerMessage } from './run-import.ts';

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<ImportRequest>) => {
  runImport(e.data, (done, total) => post({ type: 'progress', done, total })).then(
    (outcome) => post({ type: 'done', outcome }),
    (err: unknown) => post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
  );
};
