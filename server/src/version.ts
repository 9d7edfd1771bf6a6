// esbuild replaces __CABLE_VERSION__ from package.json at build time; tsx (tests) falls back to 'dev'.
declare const __CABLE_VERSION__: string | undefined;
export const VERSION: string = typeof __CABLE_VERSION__ === 'string' ? __CABLE_VERSION__ : 'dev';
