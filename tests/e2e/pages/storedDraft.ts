/**
 * Runs in the page (any engine): whether the app's IndexedDB holds an active
 * survey draft at this page number or with this answer. A reload loses a
 * tap whose write has not committed yet (src/storage/draftWriter.ts says
 * what a crash may lose), so a test that reloads waits for this first, as a
 * person who waits a moment would. Self-contained: it is sent to the page
 * as source text.
 */
export function activeDraftStored(want: { readonly pageNumber?: number | null; readonly answer?: string }): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const open = indexedDB.open('min-stemme-teller');
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const all = open.result.transaction('drafts', 'readonly').objectStore('drafts').getAll();
      all.onerror = () => {
        open.result.close();
        resolve(false);
      };
      all.onsuccess = () => {
        open.result.close();
        const drafts = all.result as { status: string; pageNumber: number; answers: Record<string, string | null> }[];
        resolve(
          drafts.some(
            (draft) =>
              draft.status === 'active' &&
              (want.pageNumber === undefined || draft.pageNumber === want.pageNumber) &&
              (want.answer === undefined || Object.values(draft.answers).includes(want.answer)),
          ),
        );
      };
    };
  });
}
