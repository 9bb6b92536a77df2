/**
 * Applies the navigation policy to a page (every `webContents` the app creates): it may not
 * navigate away from the app's origin, be redirected out of it, open windows or attach a
 * `<webview>`. A web link the user follows opens in the system browser instead.
 *
 * Typed by the members it uses, so tests drive it with a fake page.
 */
import { navigationDecision, redirectDecision, windowOpenDecision } from './security-policy';

interface Preventable {
  preventDefault(): void;
}

export interface GuardedContents {
  on(event: 'will-navigate', listener: (details: Preventable & { readonly url: string }) => void): unknown;
  on(event: 'will-frame-navigate', listener: (details: Preventable & { readonly url: string; readonly isMainFrame: boolean }) => void): unknown;
  on(event: 'will-redirect', listener: (details: Preventable & { readonly url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

export function guardContents(contents: GuardedContents, openExternal: (url: string) => void): void {
  // Both events see a main-frame navigation; either refusal stops it, and only the second
  // (which also sees sub-frames) hands a web link to the browser, so it opens once.
  contents.on('will-navigate', (details) => {
    if (navigationDecision(details.url) !== 'allow') details.preventDefault();
  });
  contents.on('will-frame-navigate', (details) => {
    const decision = navigationDecision(details.url);
    if (decision === 'allow') return;
    details.preventDefault();
    if (decision === 'openExternal' && details.isMainFrame) openExternal(details.url);
  });
  contents.on('will-redirect', (details) => {
    if (redirectDecision(details.url) !== 'allow') details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenDecision(url) === 'openExternal') openExternal(url);
    return { action: 'deny' };
  });
}
