declare module 'virtual:glossary' {
  const glossary: import('./glossary-types.ts').GlossaryEntry[];
  export default glossary;
}
declare module 'virtual:search-index' {
  const data: { docs: import('../search/tokenize.ts').SearchDoc[]; index: import('minisearch').AsPlainObject };
  export default data;
}
