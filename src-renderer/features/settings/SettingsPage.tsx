/**
 * The settings page (`#/settings`): everything the desk lets a person set, in one place —
 * interface language, reading rates, GPS in exported photos, where "Send" delivers and its
 * login (with a test), the newsroom server, the section list, the Vietnamese tone-mark style,
 * and where the data lives. A
 * message that points to a setting links to its section (`#/settings/<section>`), which is
 * scrolled to and focused.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor, SETTINGS_SECTIONS, type SettingsSection } from '../../app/route';
import { useSettings } from '../../shared/useSettings';
import { StripGpsOption } from '../photos/StripGpsOption';
import { DeskData } from './DeskData';
import { InterfaceLanguage } from './InterfaceLanguage';
import { ReadingRates } from './ReadingRates';
import { SectionsEditor } from './SectionsEditor';
import { ServerSummary } from './ServerSummary';
import { ToneStyleOption } from './ToneStyleOption';
import { UploadSettings } from './UploadSettings';
import './settings.css';

export const sectionId = (section: SettingsSection) => `settings-${section}`;

function Section({ name, children }: { readonly name: SettingsSection; readonly children: ReactNode }) {
  const { t } = useTranslation('settings');
  const heading = useId();
  return (
    <section className="settings-section" id={sectionId(name)} aria-labelledby={heading}>
      <h2 className="settings-section__title" id={heading} tabIndex={-1}>
        {t(`section.${name}`)}
      </h2>
      {children}
    </section>
  );
}

export function SettingsPage({ section }: { readonly section?: SettingsSection }) {
  const { t } = useTranslation('settings');
  const settings = useSettings();
  const title = useRef<HTMLHeadingElement>(null);
  const ready = settings !== null;

  useEffect(() => {
    if (!section || !ready) return;
    const target = document.getElementById(sectionId(section));
    target?.scrollIntoView({ block: 'start' });
    target?.querySelector<HTMLElement>('.settings-section__title')?.focus({ preventScroll: true });
  }, [section, ready]);

  return (
    <div className="page page--settings">
      <div className="page-head">
        <h1 className="page-title" tabIndex={-1} ref={title}>
          {t('title')}
        </h1>
      </div>
      <p className="muted">{t('intro')}</p>
      <div className="settings-layout">
        <nav className="settings-nav" aria-label={t('contents')}>
          <ul>
            {SETTINGS_SECTIONS.map((s) => (
              <li key={s}>
                <a href={hrefFor({ name: 'settings', section: s })} aria-current={s === section ? 'location' : undefined}>
                  {t(`section.${s}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {settings && (
          <div className="settings-sections-list">
            <Section name="language">
              <InterfaceLanguage />
            </Section>
            <Section name="reading">
              <ReadingRates rates={settings.readingRates} />
            </Section>
            <Section name="photos">
              <StripGpsOption />
            </Section>
            <Section name="upload">
              <UploadSettings />
            </Section>
            <Section name="server">
              <ServerSummary />
            </Section>
            <Section name="sections">
              <SectionsEditor sections={settings.sections} />
            </Section>
            <Section name="spelling">
              <ToneStyleOption value={settings.toneStyle ?? 'off'} />
            </Section>
            <Section name="data">
              <DeskData />
            </Section>
          </div>
        )}
      </div>
    </div>
  );
}
