// remark: the reference Markdown reader, for the text the quick reader leaves to it. Built, this is
// dist/remark.cjs, which the parser bundle loads only then.
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const markdown = unified().use(remarkParse);

export function remarkTree(body: string): Root {
  return markdown.parse(body);
}
