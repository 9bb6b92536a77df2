// `npm run server` runs the bundle dist/server.cjs with plain node: bundle it first when it is
// missing (only the Node bundles, not the renderer). After changing src-server, `npm run build`.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

if (!existsSync('dist/server.cjs')) execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
