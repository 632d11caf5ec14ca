import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { FILE_KINDS, recordFile, saveFile, type FileInput, type FileKind } from './record-files.ts';

type Said = { key: 'transfer.downloaded' | 'transfer.truncated' | 'transfer.noXapi'; name: string; count: number } | { key: 'transfer.failed' };

/** One button per format; the file is made from the record as it is at the click. */
export function RecordDownloads({ input }: { input: () => FileInput | undefined }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<FileKind | undefined>();
  const [said, setSaid] = useState<Said | undefined>(); // keys, so the message follows a change of language

  const download = async (kind: FileKind) => {
    const from = input();
    // a second click while a file is being made waits for it (the button keeps its focus: not disabled)
    if (!from || busy) return;
    setBusy(kind);
    try {
      const file = await recordFile(kind, from);
      if (file.empty) setSaid({ key: 'transfer.noXapi', name: file.name, count: 0 });
      else {
        saveFile(file);
        setSaid({ key: file.truncated ? 'transfer.truncated' : 'transfer.downloaded', name: file.name, count: file.truncated });
      }
    } catch (error) {
      console.error('record file failed', error);
      setSaid({ key: 'transfer.failed' });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby="rec-downloads" className="no-print">
      <h2 id="rec-downloads">{t('transfer.downloads')}</h2>
      <p className="hint">{t('transfer.downloadsHint')}</p>
      <ul className="download-list">
        {FILE_KINDS.map((kind) => (
          <li key={kind}>
            <button type="button" className="button secondary" aria-busy={busy === kind} onClick={() => void download(kind)}>
              {t(`transfer.${kind}`)}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" className="hint">{said && (said.key === 'transfer.failed' ? t(said.key) : t(said.key, { name: said.name, count: said.count }))}</p>
    </section>
  );
}
