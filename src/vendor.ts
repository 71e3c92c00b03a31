// The heavy packages, imported only by the code that needs them. Built, they are ES module bundles
// in dist/vendor/, imported by dist/boot.cjs on the CLI's behalf: the CLI runs from a V8 code cache
// (vm.Script), where a dynamic import() of its own would need an experimental Node flag.
declare const PREP_BUILD: string | undefined;

type VendorImport = (file: string) => Promise<unknown>;

function viaBoot(file: string): Promise<unknown> {
  const importer = (globalThis as { __prepVendorImport?: VendorImport }).__prepVendorImport;
  if (!importer) throw new Error(`dist/vendor/${file} can only be loaded through bin/prep.cjs`);
  return importer(file);
}

export async function importInquirer(): Promise<typeof import('@inquirer/prompts')> {
  if (typeof PREP_BUILD !== 'string') return import('@inquirer/prompts');
  return (await viaBoot('inquirer.mjs')) as typeof import('@inquirer/prompts');
}
