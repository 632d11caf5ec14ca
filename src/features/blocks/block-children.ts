/**
 * Reading a block's authored children. MDX hands a block its child elements (`<Tab>`, `<Item>`, `<Card>`, …) as
 * React elements; the block renders them itself, from their props, so the markup follows the ARIA pattern.
 */
import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';

/**
 * The child elements made with `type`, in the order authored; whitespace and anything else is left out. A child
 * written on one line (`<Node label="…">text</Node>`) reaches the block wrapped in a paragraph, so paragraphs are
 * looked into (only paragraphs: a nested block keeps its own children).
 */
export function childrenOfType<P>(children: ReactNode, type: (props: P) => ReactNode): ReactElement<P>[] {
  return Children.toArray(children).flatMap((c): ReactElement<P>[] => {
    if (!isValidElement<{ children?: ReactNode }>(c)) return [];
    if (c.type === type) return [c as ReactElement<P>];
    return c.type === 'p' ? childrenOfType(c.props.children, type) : [];
  });
}

/** The plain text of rendered children (for announcements and text alternatives). */
export function plainText(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(plainText).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return plainText(node.props.children);
  return '';
}
