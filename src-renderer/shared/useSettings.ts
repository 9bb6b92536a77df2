/** The desk's settings as main holds them, kept current when any window changes them. */
import { useEffect, useState } from 'react';
import type { Settings } from '../../src-shared/models';
import { desk } from '../platform/api';

export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    const off = desk.on['settings:changed']((s) => setSettings(s));
    desk.settings.get({}).then(
      (s) => live && setSettings(s),
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, []);
  return settings;
}
