import type { ESLint } from 'eslint';

export declare const LAYERS: {
  files: RegExp;
  forbid?: RegExp;
  forbidPackage?: RegExp;
  why: string;
}[];
declare const plugin: ESLint.Plugin;
export default plugin;
