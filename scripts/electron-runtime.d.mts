// Types of scripts/electron-runtime.mjs for the TypeScript tests that import it.
export declare const READY_MARKER: string;
export declare const EXIT_DESK_REFUSED: number;
export type Reason =
  | { key: 'reasonNoBinary'; params: { path: string } }
  | { key: 'reasonNoDisplay'; params: Record<string, never> }
  | { key: 'reasonElectronFailed'; params: { code: string } };
export type Runtime = { ok: true; executable: string } | { ok: false; reason: Reason };
export declare function electronRuntime(options: { root: string; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform }): Runtime;
export declare function languageFromEnv(env?: NodeJS.ProcessEnv): 'vi' | 'en';
export declare function cliText(root: string, lang: 'vi' | 'en', key: string, params?: Record<string, string>): string;
export declare function noElectronLine(root: string, reason: Reason, env?: NodeJS.ProcessEnv): string;
