import { expect, test } from 'vitest';
import { indexRefs, staticGraph } from './bundle.ts';

const manifest = {
  'index.html': { file: 'assets/index-a.js', isEntry: true, imports: ['_react.js', '_store.js'] },
  '_react.js': { file: 'assets/react-b.js' },
  '_store.js': { file: 'assets/store-c.js', imports: ['_react.js', '_zod.js'] },
  '_zod.js': { file: 'assets/zod-d.js' },
  '\0virtual:course-manifest': { file: 'assets/_virtual_course-manifest-e.js' },
  'content/chapters/00-intro.mdx': { file: 'assets/00-intro-f.js', imports: ['_react.js'] },
};

test('the entry graph holds the entry and its static imports, transitively and once each, and nothing it loads later', () => {
  expect(staticGraph(manifest, 'assets/index-a.js').sort()).toEqual(['assets/index-a.js', 'assets/react-b.js', 'assets/store-c.js', 'assets/zod-d.js']);
});

test('an entry the manifest does not know is an error, not an empty graph', () => {
  expect(() => staticGraph(manifest, 'assets/other.js')).toThrow("vite's manifest has no entry assets/other.js");
});

test('index.html names its module script, stylesheets and preloads', () => {
  const html = `<script type="module" crossorigin src="./assets/index-a.js"></script>
<link rel="modulepreload" crossorigin href="./assets/react-b.js">
<link rel="stylesheet" crossorigin href="./assets/index-x.css">
<link rel="modulepreload" crossorigin href="./assets/_virtual_course-manifest-e.js">`;
  expect(indexRefs(html)).toEqual({ entry: 'assets/index-a.js', css: ['assets/index-x.css'], modulePreloads: ['assets/react-b.js', 'assets/_virtual_course-manifest-e.js'] });
});
