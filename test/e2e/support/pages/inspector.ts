/**
 * The article page's inspector: its tabs (Details, Event, Photos, Checklist, History) by their
 * names in the interface's language. Only the chosen tab's panel is shown, so a page object
 * for a panel shows its tab before working in it.
 */
import type { Locator, Page } from 'playwright-core';
import { resources } from '../../../../src-shared/locales';
import type { Language } from '../../../../src-shared/models';

export type InspectorTab = keyof (typeof resources)['vi']['workspace']['inspector']['tabs'];

export function inspectorTab(page: Page, language: Language, tab: InspectorTab): Locator {
  return page.getByRole('tablist', { name: resources[language].workspace.inspector.label, exact: true }).getByRole('tab', { name: resources[language].workspace.inspector.tabs[tab], exact: true });
}

/** Shows the tab's panel (a no-op when it is already shown). */
export async function showTab(page: Page, language: Language, tab: InspectorTab): Promise<void> {
  const button = inspectorTab(page, language, tab);
  if ((await button.getAttribute('aria-selected')) !== 'true') await button.click();
}
