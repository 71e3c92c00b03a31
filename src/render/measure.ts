// The terminal-width libraries, built into a bundle of their own (dist/measure.cjs) and required on
// first use: loading them compiles string-width's emoji pattern and starts ICU's segmenter, tens of
// milliseconds that a run measuring only plain text (src/render/layout.ts) never pays.
export { default as stringWidth } from 'string-width';
export { default as wrapAnsi } from 'wrap-ansi';
