import type { BuildOptions } from 'esbuild';

export declare const RUNTIME_PACKAGES: readonly string[];
export declare const NODE_BUNDLE: BuildOptions;
export declare const MAIN_META_URL: BuildOptions;
