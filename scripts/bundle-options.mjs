// How main and preload are bundled (esbuild), shared by scripts/build-node.mjs and the tests
// that bundle main themselves. sharp (native) and exiftool-vendored (a Perl program it starts)
// stay outside the bundle: they are the package's runtime dependencies, loaded from node_modules.
export const RUNTIME_PACKAGES = ['sharp', 'exiftool-vendored'];

export const NODE_BUNDLE = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['electron', ...RUNTIME_PACKAGES], logLevel: 'warning', legalComments: 'none' };

// Main's `import.meta.url` (services that find files beside their code) is the bundle's own file.
export const MAIN_META_URL = { define: { 'import.meta.url': '__bantinMetaUrl' }, banner: { js: 'const __bantinMetaUrl = require("node:url").pathToFileURL(__filename).href;' } };
