// string-width, built into a bundle of its own (dist/measure.cjs) and required on first use:
// loading it compiles its emoji pattern and starts ICU, tens of milliseconds that a run measuring
// only plain text (src/render/layout.ts) never pays.
export { default as stringWidth } from 'string-width';
