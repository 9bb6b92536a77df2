// Stands in, inside the bundles, for optional native add-ons a bundled package tries to load
// (ws's bufferutil and utf-8-validate): loading it fails, as when the add-on is not installed,
// and the package uses its JavaScript fallback.
throw new Error('optional add-on not bundled');
