/**
 * The colour theme: the system's (prefers-color-scheme, followed as it changes), light or dark,
 * chosen per browser profile and kept in localStorage — a preference of this screen, like the
 * inspector's width. The theme in effect is written to <html data-theme>, which base.css reads;
 * it is applied before the first paint so a dark desk never flashes white.
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const KEY = 'bantin.theme';
const listeners = new Set<(theme: Theme) => void>();

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function chosenTheme(): Theme {
  const saved = storage()?.getItem(KEY);
  return (THEMES as readonly string[]).includes(saved ?? '') ? (saved as Theme) : 'system';
}

function systemDark(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
}

/** 'light' or 'dark': what the chosen theme means now. */
export function effectiveTheme(theme: Theme = chosenTheme()): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return systemDark()?.matches ? 'dark' : 'light';
}

function apply(): void {
  document.documentElement.dataset.theme = effectiveTheme();
}

export function chooseTheme(theme: Theme): void {
  try {
    storage()?.setItem(KEY, theme);
  } catch {
    // Not remembered, but applied for this visit.
  }
  apply();
  for (const listener of listeners) listener(theme);
}

export function onThemeChange(listener: (theme: Theme) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Applies the chosen theme now and follows the system's while 'system' is chosen. */
export function initTheme(): void {
  apply();
  systemDark()?.addEventListener('change', apply);
  // Another window of this desk chose a theme.
  window.addEventListener('storage', (e) => {
    if (e.key === KEY) {
      apply();
      for (const listener of listeners) listener(chosenTheme());
    }
  });
}
