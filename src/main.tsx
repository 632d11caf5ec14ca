import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { savedLocale, setLocale } from './i18n/index.ts';
import './app/styles.css';
import { App } from './app/app.tsx';
import { registerServiceWorker } from './pwa/register.ts';
import { appStore, lmsLaunch } from './app/app-store.ts';
import { watchDisplay } from './features/settings/display.ts';

// index.html applied the display settings before the first paint; from here on they follow the system and other tabs
watchDisplay();

// a learner who chose English gets it from the first paint
if (savedLocale() !== 'zh-CN') await setLocale(savedLocale()).catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={appStore} />
  </StrictMode>,
);

// an LRS, when one is configured or launched, is fed off the first view
void import('./app/lrs-link.ts').then((m) => m.linkLrs(appStore)).catch((e) => console.warn('LRS link unavailable', e));

// an LMS that launched the course is fed off the first view
if (lmsLaunch) {
  const launch = lmsLaunch;
  void import('./app/lms-link.ts').then((m) => m.linkLms(appStore, launch)).catch((e) => console.warn('LMS link unavailable', e));
}

if (import.meta.env.PROD) {
  void registerServiceWorker({
    onUpdate: (update) => appStore.setState({ update }),
    beforeReload: () => appStore.flush(),
  }).catch((e) => console.warn('offline support unavailable', e));
}
