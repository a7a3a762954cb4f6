/**
 * A button whose action needs a second, deliberate step: it opens a dialog
 * where "cancel" has the focus and the confirming button sits apart, so a
 * respondent cannot trigger it by one accidental tap. The dialog's question
 * and both answers can be read aloud, like every other text a respondent meets.
 *
 * The button is here; the dialog (ConfirmDialog.tsx) is a chunk of its own,
 * fetched as soon as a ConfirmButton has been shown, so it is in memory
 * before the first tap and opens at once.
 */
import { useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useReadAloud } from './useReadAloud.ts';

type DialogComponent = (typeof import('./ConfirmDialog.tsx'))['ConfirmDialog'];

let dialogComponent: DialogComponent | undefined;
let dialogLoading: Promise<DialogComponent> | undefined;

/** Fetches the dialog's chunk once; every ConfirmButton shares it. A failed fetch is tried again on the next call. */
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

export interface ConfirmButtonProps {
  readonly children: ReactNode;
  readonly className: string;
  readonly ariaLabel?: string;
  readonly title: string;
  readonly text: string;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  readonly onConfirm: () => void;
  readonly isDisabled?: boolean;
}

export function ConfirmButton({ children, className, ariaLabel, title, text, confirmLabel, cancelLabel, onConfirm, isDisabled }: ConfirmButtonProps) {
  const readAloud = useReadAloud();
  const dialogId = useId();
  const [open, setOpen] = useState(false);
  const [ConfirmDialog, setConfirmDialog] = useState<DialogComponent | undefined>(() => dialogComponent);

  // After the button is shown (and again on a tap, should that first fetch have failed).
  useEffect(() => {
    if (ConfirmDialog) return;
    let live = true;
    loadConfirmDialog().then(
      (component) => live && setConfirmDialog(() => component),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [ConfirmDialog, open]);

  function openChange(next: boolean) {
    setOpen(next);
    // Closing the dialog stops reading it.
    if (!next) readAloud.cancel();
  }

  return (
    <>
      <Button
        className={className}
        aria-label={ariaLabel}
        aria-expanded={open}
        aria-controls={open && ConfirmDialog ? dialogId : undefined}
        isDisabled={isDisabled}
        onPress={() => setOpen(true)}
      >
        {children}
      </Button>
      {ConfirmDialog && (
        <ConfirmDialog
          id={dialogId}
          isOpen={open}
          onOpenChange={openChange}
          title={title}
          text={text}
          confirmLabel={confirmLabel}
          cancelLabel={cancelLabel}
          onConfirm={onConfirm}
        />
      )}
    </>
  );
}
