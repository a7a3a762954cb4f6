/**
 * The state and the dialog of a button that asks before it acts
 * (ConfirmButton on the respondent's pages, PlainConfirmButton on the
 * helper screen): whether the dialog is open, the trigger's ARIA
 * attributes, and the dialog itself (ConfirmDialog.tsx), a chunk of its
 * own fetched as soon as such a button has been shown, so it is in memory
 * before the first tap and opens at once. Closing the dialog stops reading
 * it aloud.
 */
import { useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { ConfirmDialogProps } from './ConfirmDialog.tsx';
import { useReadAloud } from './useReadAloud.ts';

type DialogComponent = (typeof import('./ConfirmDialog.tsx'))['ConfirmDialog'];

let dialogComponent: DialogComponent | undefined;
let dialogLoading: Promise<DialogComponent> | undefined;

/** Fetches the dialog's chunk once; every confirm button shares it. A failed fetch is tried again on the next call. */
export function loadConfirmDialog(): Promise<DialogComponent> {
  dialogLoading ??= import('./ConfirmDialog.tsx').then(
    (module) => (dialogComponent = module.ConfirmDialog),
    (error: unknown) => {
      dialogLoading = undefined;
      throw error;
    },
  );
  return dialogLoading;
}

export type ConfirmTexts = Pick<ConfirmDialogProps, 'title' | 'text' | 'confirmLabel' | 'cancelLabel' | 'onConfirm'>;

export interface ConfirmTriggerProps {
  readonly 'aria-expanded': boolean;
  readonly 'aria-controls': string | undefined;
  readonly onPress: () => void;
}

export function useConfirmDialog(texts: ConfirmTexts): { triggerProps: ConfirmTriggerProps; dialog: ReactNode } {
  const readAloud = useReadAloud();
  const dialogId = useId();
  const [open, setOpen] = useState(false);
  const [ConfirmDialog, setConfirmDialog] = useState<DialogComponent | undefined>(() => dialogComponent);

  // After the button is shown, and again on a tap should that first fetch have failed
  // (a tap that still finds no dialog leaves the button closed, so the next tap tries again).
  useEffect(() => {
    if (ConfirmDialog) return;
    let live = true;
    loadConfirmDialog().then(
      (component) => live && setConfirmDialog(() => component),
      () => live && setOpen(false),
    );
    return () => {
      live = false;
    };
  }, [ConfirmDialog, open]);

  function openChange(next: boolean) {
    setOpen(next);
    if (!next) readAloud.cancel();
  }

  return {
    triggerProps: {
      'aria-expanded': open,
      'aria-controls': open && ConfirmDialog ? dialogId : undefined,
      onPress: () => setOpen(true),
    },
    dialog: ConfirmDialog ? <ConfirmDialog id={dialogId} isOpen={open} onOpenChange={openChange} {...texts} /> : null,
  };
}
