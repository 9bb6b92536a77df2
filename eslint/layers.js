// Lint rule of the project: the folder says where code may run (DESIGN §2). An import that
// crosses into a layer the file may not use — or pulls Node, DOM-only or Electron modules
// into a layer that cannot have them — is an error.
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Layer of a file, by its path inside the project. */
export function layerOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  if (rel.startsWith('..')) return 'outside';
  if (rel === 'src-main/main.ts') return 'main-entry';
  for (const prefix of ['src-main/services', 'src-main/web', 'src-main/cli', 'src-main/electron', 'src-main/preload']) {
    if (rel === prefix || rel.startsWith(prefix + '/')) return prefix.slice('src-main/'.length);
  }
  const top = rel.split('/')[0];
  if (['src-shared', 'src-renderer', 'src-server', 'locales', 'assets'].includes(top)) return top;
  if (rel === 'package.json') return 'package';
  return 'tooling'; // tests, benchmarks, scripts: may use anything
}

const DATA = ['locales', 'assets', 'package'];
/** Which layers each layer may import from (relative imports). */
export const ALLOWED = {
  'src-shared': ['src-shared', 'locales'],
  services: ['services', 'src-shared', ...DATA],
  web: ['web', 'services', 'src-shared', ...DATA],
  cli: ['cli', 'services', 'src-shared', ...DATA],
  electron: ['electron', 'services', 'src-shared', ...DATA],
  preload: ['preload', 'src-shared'],
  'main-entry': ['electron', 'services', 'src-shared', ...DATA],
  'src-renderer': ['src-renderer', 'src-shared', 'locales', 'assets'],
  'src-server': ['src-server', 'src-shared', ...DATA],
};

const ELECTRON_LAYERS = new Set(['electron', 'preload', 'main-entry']);
const NODE_FREE = new Set(['src-shared', 'src-renderer']);
const REACT_LAYERS = new Set(['src-renderer']);

function bareProblem(layer, source) {
  const pkg = source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0];
  if ((pkg === 'electron' || pkg.startsWith('electron/')) && !ELECTRON_LAYERS.has(layer)) return `'${source}' (Electron) may only be imported in src-main/electron, src-main/preload and src-main/main.ts`;
  if (NODE_FREE.has(layer) && (NODE.has(source) || NODE.has(pkg))) return `'${source}' (Node.js) may not be imported in ${layer}`;
  if ((pkg === 'react' || pkg === 'react-dom' || pkg === 'react-i18next') && !REACT_LAYERS.has(layer)) return `'${source}' (React) may only be imported in src-renderer`;
  return null;
}

export default {
  meta: { type: 'problem', docs: { description: 'Enforce the layer each folder runs in' }, schema: [] },
  create(context) {
    const file = context.filename;
    const layer = layerOf(file);
    const allowed = ALLOWED[layer];
    if (!allowed) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = layerOf(path.resolve(path.dirname(file), source));
        if (!allowed.includes(target)) context.report({ node, message: `${layer} may not import from ${target} ('${source}')` });
        return;
      }
      const problem = bareProblem(layer, source);
      if (problem) context.report({ node, message: problem });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0]?.type === 'Literal') check(n, n.arguments[0].value);
      },
    };
  },
};
