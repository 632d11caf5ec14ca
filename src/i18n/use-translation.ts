/**
 * The React binding of the interface's translator: `useTranslation()` returns `t` and `i18n`, and re-renders the
 * component when the language changes or strings are added (English loads on demand).
 */
import { useMemo, useSyncExternalStore } from 'react';
import { i18n } from './index.ts';

let version = 0;
const listeners = new Set<() => void>();
const bump = () => {
  version++;
  listeners.forEach((l) => l());
};
i18n.on('languageChanged', bump);
i18n.on('added', bump);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

export function useTranslation() {
  const v = useSyncExternalStore(subscribe, () => version, () => version);
  // a new `t` per language/version, so memoised children see the change
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const t = useMemo(() => i18n.getFixedT(), [v]);
  return { t, i18n };
}
