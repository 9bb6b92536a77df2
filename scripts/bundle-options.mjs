// How main and preload are bundled (esbuild), shared by scripts/build-node.mjs and the tests
// that bundle main themselves. sharp (native) and exiftool-vendored (a Perl program it starts)
// stay outside the bundle: they are the package's runtime dependencies, loaded from node_modules.
import { fileURLToPath } from 'node:url';

export const RUNTIME_PACKAGES = ['sharp', 'exiftool-vendored'];

// ws (sync's socket) tries optional native add-ons in a try/catch: in the bundle they are absent.
const ABSENT = fileURLToPath(new URL('./absent-module.cjs', import.meta.url));
const OPTIONAL_ADDONS = { bufferutil: ABSENT, 'utf-8-validate': ABSENT };

export const NODE_BUNDLE = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['electron', ...RUNTIME_PACKAGES], alias: OPTIONAL_ADDONS, logLevel: 'warning', legalComments: 'none' };

// Main's `import.meta.url` (services that find files beside their code) is the bundle's own file.
export const MAIN_META_URL = { define: { 'import.meta.url': '__bantinMetaUrl' }, banner: { js: 'const __bantinMetaUrl = require("node:url").pathToFileURL(__filename).href;' } };
