import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { savedLocale, setLocale } from './i18n/index.ts';
import './app/styles.css';
import { App } from './app/app.tsx';
import { registerServiceWorker } from './pwa/register.ts';
import { appStore } from './app/app-store.ts';

// a learner who chose English gets it from the first paint
if (savedLocale() !== 'zh-CN') await setLocale(savedLocale()).catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={appStore} />
  </StrictMode>,
);

if (import.meta.env.PROD) {
  void registerServiceWorker({
    onUpdate: (update) => appStore.setState({ update }),
    beforeReload: () => appStore.flush(),
  }).catch((e) => console.warn('offline support unavailable', e));
}
