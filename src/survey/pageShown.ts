/**
 * Whether the page a component sits on is the one on screen, or one
 * rendered ahead of a move (src/survey/PageViews.tsx). A page's passing
 * state (an answer armed by tap-to-hear) ends when the page is left.
 */
import { createContext, useContext } from 'react';

export const PageShownContext = createContext(true);

export function usePageShown(): boolean {
  return useContext(PageShownContext);
}
