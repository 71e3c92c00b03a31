// The heavy packages, imported only by the code that needs them. Built, they are ES module bundles
// in dist/vendor/, imported by dist/boot.cjs on the CLI's behalf (the CLI runs from a V8 code
// cache, where a dynamic import() of its own would need an experimental Node flag); run from the
// TypeScript source, the packages themselves.
declare const PREP_BUILD: string | undefined;

type VendorImport = (file: string) => Promise<unknown>;

let importVendor: VendorImport | undefined;

/** Called by the CLI's entry with what boot.cjs hands it. */
export function useVendorImport(importer: VendorImport | undefined): void {
  importVendor = importer;
}

function viaBoot(file: string): Promise<unknown> {
  if (!importVendor) throw new Error(`dist/vendor/${file} can only be loaded through bin/prep.cjs`);
  return importVendor(file);
}

export async function importInquirer(): Promise<typeof import('@inquirer/prompts')> {
  if (typeof PREP_BUILD !== 'string') return import('@inquirer/prompts');
  return (await viaBoot('inquirer.mjs')) as typeof import('@inquirer/prompts');
}
