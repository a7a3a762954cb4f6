/**
 * A button whose action needs a second, deliberate step: it opens a dialog
 * where "cancel" has the focus and the confirming button sits apart, so a
 * respondent cannot trigger it by one accidental tap.
 */
import type { ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface ConfirmButtonProps {
  readonly children: ReactNode;
  readonly className: string;
  readonly ariaLabel?: string;
  readonly title: string;
  readonly text: string;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  readonly onConfirm: () => void;
}

export function ConfirmButton({ children, className, ariaLabel, title, text, confirmLabel, cancelLabel, onConfirm }: ConfirmButtonProps) {
  return (
    <DialogTrigger>
      <Button className={className} aria-label={ariaLabel}>
        {children}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                <p>{text}</p>
                <div className="dialog-actions">
                  <Button className="button primary" autoFocus onPress={close}>
                    {cancelLabel}
                  </Button>
                  <Button
                    className="button"
                    onPress={() => {
                      close();
                      onConfirm();
                    }}
                  >
                    {confirmLabel}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
