import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { ImportSource } from './run-import.ts';

/** Hidden files a system leaves in folders (.DS_Store, ._x): not learners' records, so not reported. */
const hidden = (name: string) => name.split('/').some((part) => part.startsWith('.'));

const sourceOf = (f: File): ImportSource => ({ name: f.webkitRelativePath || f.name, file: f });

/** Every file under a dropped folder, with its path inside the drop. */
async function filesOf(entry: FileSystemEntry, path = ''): Promise<ImportSource[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ name: path + file.name, file }];
  }
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const out: ImportSource[] = [];
  // readEntries gives a batch at a time (100 in Chromium) until it gives none
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const e of batch) out.push(...(await filesOf(e, `${path}${entry.name}/`)));
  }
  return out;
}

/**
 * Where the trainer hands the files over: dropped files and folders, or picked with the file input (several
 * files) or the folder input (a whole folder, with its sub-folders).
 */
export function FileDrop({ disabled, onFiles }: { disabled: boolean; onFiles: (files: ImportSource[]) => void }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const uid = useId();
  const hand = (files: ImportSource[]) => {
    const shown = files.filter((f) => !hidden(f.name));
    if (shown.length) onFiles(shown);
  };
  const zone = useRef<HTMLDivElement>(null);
  const latest = useRef({ disabled, hand });
  useEffect(() => {
    latest.current = { disabled, hand };
  });
  // the drop zone is a convenience for the mouse (its listeners set here, on the group); the two inputs inside it
  // are the keyboard's and screen reader's way in
  useEffect(() => {
    const el = zone.current;
    if (!el) return;
    const over = (e: DragEvent) => {
      e.preventDefault();
      setOver(true);
    };
    const leave = () => setOver(false);
    const drop = async (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      if (latest.current.disabled || !e.dataTransfer) return;
      const entries = [...e.dataTransfer.items].map((i) => i.webkitGetAsEntry?.()).filter((x): x is FileSystemEntry => !!x);
      const files = entries.length ? (await Promise.all(entries.map((x) => filesOf(x)))).flat() : [...e.dataTransfer.files].map(sourceOf);
      latest.current.hand(files);
    };
    const onDrop = (e: DragEvent) => void drop(e);
    el.addEventListener('dragover', over);
    el.addEventListener('dragleave', leave);
    el.addEventListener('drop', onDrop);
    return () => {
      el.removeEventListener('dragover', over);
      el.removeEventListener('dragleave', leave);
      el.removeEventListener('drop', onDrop);
    };
  }, []);
  return (
    <div ref={zone} role="group" aria-labelledby={`${uid}-drop`} className={`file-drop${over ? ' over' : ''}`}>
      <p id={`${uid}-drop`}>{t('trainer.import.drop')}</p>
      <div className="file-drop-inputs">
        <label className="button">
          {t('trainer.import.chooseFiles')}
          <input className="visually-hidden" type="file" multiple accept=".json,.csv,application/json,text/csv" disabled={disabled} onChange={(e) => {
            hand([...(e.currentTarget.files ?? [])].map(sourceOf));
            e.currentTarget.value = '';
          }} />
        </label>
        <label className="button">
          {t('trainer.import.chooseFolder')}
          <input className="visually-hidden" type="file" multiple {...{ webkitdirectory: '' }} disabled={disabled} onChange={(e) => {
            hand([...(e.currentTarget.files ?? [])].map(sourceOf));
            e.currentTarget.value = '';
          }} />
        </label>
      </div>
      <p className="hint">{t('trainer.import.kinds')}</p>
    </div>
  );
}
