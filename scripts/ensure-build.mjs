// `npm run web` serves dist/renderer: build it first when it is missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync('dist/renderer/index.html')) execSync('npm run build --silent', { stdio: 'inherit' });
