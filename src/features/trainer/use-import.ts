import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { CourseItems, CourseManifest } from '../../domain/course.ts';
import { runImport, type ImportOutcome, type ImportSource, type WorkerMessage } from './run-import.ts';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; outcome: ImportOutcome }
  | { kind: 'failed'; message: string };

/**
 * Imports files in a Web Worker (a new one per import, ended when it is done), with its progress as state. Where
 * the page has no Worker the import runs on the page itself.
 */
export function useImport(manifest: CourseManifest, loadItems: () => Promise<CourseItems>) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const worker = useRef<Worker | undefined>(undefined);
  useEffect(() => () => worker.current?.terminate(), []);

  const start = useCallback(
    async (files: ImportSource[]) => {
      worker.current?.terminate();
      setState({ kind: 'running', done: 0, total: files.length });
      const items = await loadItems();
      const req = { manifest, items, now: Date.now(), files };
      if (typeof Worker === 'undefined') {
        try {
          const outcome = await runImport(req, (done, total) => setState({ kind: 'running', done, total }));
          setState({ kind: 'done', outcome });
        } catch (e) {
          setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
        }
        return;
      }
      const w = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
      worker.current = w;
      w.onmessage = (e: MessageEvent<WorkerMessage>) => {
        const m = e.data;
        if (m.type === 'progress') setState({ kind: 'running', done: m.done, total: m.total });
        else {
          // the report and its tables are a big render: as a transition React renders them in slices, so the page
          // keeps answering input while they appear
          startTransition(() => setState(m.type === 'done' ? { kind: 'done', outcome: m.outcome } : { kind: 'failed', message: m.message }));
          w.terminate();
        }
      };
      w.onerror = (e) => {
        setState({ kind: 'failed', message: e.message });
        w.terminate();
      };
      w.postMessage(req);
    },
    [manifest, loadItems],
  );
  return { state, start };
}
