import { compile } from '@mdx-js/mdx';
import remarkFrontmatter from 'remark-frontmatter';
import { readFileSync } from 'node:fs';
let bad = 0;
for (const f of process.argv.slice(2)) {
  try { await compile(readFileSync(f, 'utf8'), { remarkPlugins: [remarkFrontmatter] }); console.log('ok', f); }
  catch (e) { bad++; console.log('FAIL', f, e.message); }
}
process.exit(bad ? 1 : 0);
