/**
 * Service-worker registration and the update handshake. A new version waits until the learner chooses to
 * reload; progress is written before the reload. No worker inside an LMS launch: the LMS serves the files.
 */
import { launchedByLms } from '../lms/discovery.ts';

export interface UpdateHandle {
  /** activates the waiting version; the page reloads once it controls */
  apply(): Promise<void>;
}

export interface PwaOptions {
  onUpdate(handle: UpdateHandle): void;
  /** called before the reload into the new version */
  beforeReload(): Promise<void>;
}

export async function registerServiceWorker(options: PwaOptions): Promise<'registered' | 'unsupported' | 'lms'> {
  if (!('serviceWorker' in navigator)) return 'unsupported';
  if (launchedByLms()) return 'lms';
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('./sw.js', { scope: './' });
  wb.addEventListener('waiting', () => {
    options.onUpdate({
      apply: async () => {
        await options.beforeReload();
        wb.addEventListener('controlling', () => window.location.reload());
        wb.messageSkipWaiting();
      },
    });
  });
  await wb.register();
  // look for a new version whenever the learner comes back to the tab
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void wb.update();
  });
  return 'registered';
}
