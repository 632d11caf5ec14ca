import { useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import { readDisplay, saveDisplay, TEXT_SIZES, THEMES, type DisplaySettings } from './display.ts';

/** Display settings (text size, theme) and, as children, what the device keeps (storage details). */
export function SettingsPage({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const [display, setDisplay] = useState<DisplaySettings>(readDisplay);
  const change = (next: DisplaySettings) => {
    setDisplay(next);
    saveDisplay(next);
  };
  return (
    <main id="main" tabIndex={-1} className="page settings">
      <PageHeading title={t('settings.title')} />
      <section aria-labelledby="display-heading" className="settings-group">
        <h2 id="display-heading">{t('settings.display')}</h2>
        <fieldset>
          <legend>{t('settings.textSize')}</legend>
          {TEXT_SIZES.map((size) => (
            <label key={size} className={`choice text-size-${size}`}>
              <input type="radio" name="text-size" value={size} checked={display.textSize === size} onChange={() => change({ ...display, textSize: size })} />
              {t(`settings.size.${size}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('settings.theme')}</legend>
          {THEMES.map((theme) => (
            <label key={theme} className="choice">
              <input type="radio" name="theme" value={theme} checked={display.theme === theme} onChange={() => change({ ...display, theme })} />
              {t(`settings.themes.${theme}`)}
            </label>
          ))}
        </fieldset>
        <p className="hint">{t('settings.remembered')}</p>
      </section>
      {children}
    </main>
  );
}
