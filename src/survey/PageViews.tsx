/**
 * The survey's pages on screen, with the neighbours of the current one
 * rendered ahead, out of sight: "Gå til neste" (and "Tilbake") then shows
 * a page that React has already built instead of building it in the tap's
 * frame.
 *
 * Each page renders (through a portal) into a container element of its
 * own; only the current page's container is in the document, inside the
 * host element, so the pages ahead are not in the document at all: not
 * seen, not read by screen readers, not found by a search of the page.
 *
 * 1: the current page always renders, and a page shown a moment ago stays
 *    rendered while it is a neighbour, so moving on never tears a page
 *    down in the tap's frame;
 * 2: after the frame that shows a page, a transition (low priority, given
 *    up for any tap) renders the pages before and after it (and keeps it);
 * 3: on every move, before the browser paints, the new page's container
 *    takes the old one's place in the host;
 * 4: containers of pages no longer rendered are dropped.
 *
 * Each page is told whether it is the one shown (src/survey/pageShown.ts).
 */
import { startTransition, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { afterPaint } from '../storage/draftWriter.ts';
import { PageShownContext } from './pageShown.ts';

export interface PageViewsProps<P extends { readonly key: string }> {
  readonly pages: readonly P[];
  readonly index: number;
  readonly render: (page: P) => ReactNode;
}

export function PageViews<P extends { readonly key: string }>({ pages, index, render }: PageViewsProps<P>) {
  const host = useRef<HTMLDivElement>(null);
  const containers = useRef(new Map<string, HTMLDivElement>());
  const current = pages[index]!;
  const nearby = [pages[index - 1]?.key, current.key, pages[index + 1]?.key].filter((key): key is string => key !== undefined);
  const [ahead, setAhead] = useState<ReadonlySet<string>>(() => new Set());
  // 1: the page shown before this render, kept while it is a neighbour.
  const shownBefore = useRef(current.key);
  const views = [pages[index - 1], current, pages[index + 1]].filter(
    (page): page is P => page !== undefined && (page === current || ahead.has(page.key) || page.key === shownBefore.current),
  );

  function containerOf(key: string): HTMLDivElement {
    let container = containers.current.get(key);
    if (!container) {
      container = document.createElement('div');
      container.className = 'page-view';
      containers.current.set(key, container);
    }
    return container;
  }

  // 3
  useLayoutEffect(() => {
    host.current?.replaceChildren(containerOf(current.key));
    shownBefore.current = current.key;
  }, [current.key]);

  // 2
  const nearbyKeys = nearby.join('\n');
  useEffect(() => {
    let live = true;
    void afterPaint().then(() => {
      if (live) startTransition(() => setAhead(new Set(nearbyKeys.split('\n'))));
    });
    return () => {
      live = false;
    };
  }, [nearbyKeys]);

  // 4
  const rendered = views.map((page) => page.key).join('\n');
  useEffect(() => {
    const keep = new Set(rendered.split('\n'));
    for (const key of containers.current.keys()) if (!keep.has(key)) containers.current.delete(key);
  }, [rendered]);

  return (
    <>
      <div ref={host} className="page-host" />
      {views.map((page) =>
        createPortal(<PageShownContext value={page === current}>{render(page)}</PageShownContext>, containerOf(page.key), page.key),
      )}
    </>
  );
}
