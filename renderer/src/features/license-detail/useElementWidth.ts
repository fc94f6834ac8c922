import { useCallback, useState } from 'react';

/** The width of the element the returned ref is attached to, kept current as the layout changes. */
export function useElementWidth(): [(el: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((el: HTMLElement | null) => {
    if (!el) return;
    setWidth(el.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(el);
    // React 19 calls a ref callback's return value when the element goes away.
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
