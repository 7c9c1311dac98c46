/**
 * The widget's size budget, gzipped. Size is the first complaint integrators make about
 * embedded search (docs/widget.md); widget/build.mjs --check and test/unit/widget-bundle.spec.ts
 * hold the bundle to it.
 */
export const BUDGET_GZIP_BYTES = 35 * 1024;
