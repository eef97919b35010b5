import { type RefObject, useLayoutEffect, useState } from 'react';

/** The width (CSS pixels) of the element's parent, the room it may fill, kept current as the layout changes. */
export function useParentWidth(ref: RefObject<Element | null>, initial: number): number {
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const parent = ref.current?.parentElement;
    if (!parent) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(parent);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
