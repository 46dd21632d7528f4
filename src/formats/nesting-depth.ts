interface Element {
  children: ArrayLike<Element>;
}

/**
 * How deeply elements nest under `root` (the root alone is 1), walked without recursion so that the page being
 * measured cannot overflow the stack.
 */
export function nestingDepth(root: Element): number {
  let deepest = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return deepest;
}
