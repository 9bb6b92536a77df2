import pkg from '../../package.json';

export const DESK_VERSION: string = pkg.version;
