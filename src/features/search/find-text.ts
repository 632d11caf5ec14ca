/**
 * Finds a text in a part of the page as the reader sees it: across element boundaries (a bold word, a glossary
 * term), ignoring case, skipping hidden elements (a closed definition popover holds text too).
 */
export function findTextRanges(root: Element, needle: string, max = 20): Range[] {
  const want = needle.toLowerCase();
  if (!want) return [];
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('[hidden], [aria-hidden="true"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  let all = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(all.length);
    all += (n as Text).data;
  }
  const lower = all.toLowerCase();
  const at = (offset: number, end: boolean): [Text, number] => {
    // the node holding this offset (an end offset belongs to the node it ends in)
    let i = nodes.length - 1;
    while (i > 0 && (end ? starts[i]! >= offset : starts[i]! > offset)) i--;
    return [nodes[i]!, offset - starts[i]!];
  };
  const ranges: Range[] = [];
  for (let i = lower.indexOf(want); i >= 0 && ranges.length < max; i = lower.indexOf(want, i + want.length)) {
    const range = doc.createRange();
    range.setStart(...at(i, false));
    range.setEnd(...at(i + want.length, true));
    ranges.push(range);
  }
  return ranges;
}
