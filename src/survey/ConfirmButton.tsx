/**
 * A button whose action needs a second, deliberate step: it opens a dialog
 * where "cancel" has the focus and the confirming button sits apart, so a
 * respondent cannot trigger it by one accidental tap. The dialog's question
 * and both answers can be read aloud, like every other text a respondent meets.
 */
import type { ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ReadAloudItem } from './readAloud.ts';
import { SpeakButton } from './SpeakButton.tsx';
import { SpokenText } from './SpokenText.tsx';
import { useReadAloud } from './useReadAloud.ts';

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

const TITLE_ID = 'dialog-title';
const TEXT_ID = 'dialog-text';
const CANCEL_ID = 'dialog-cancel';
const CONFIRM_ID = 'dialog-confirm';

export function ConfirmButton({ children, className, ariaLabel, title, text, confirmLabel, cancelLabel, onConfirm, isDisabled }: ConfirmButtonProps) {
  const { i18n } = useTranslation();
  const readAloud = useReadAloud();
  const lang = i18n.language;
  const items: ReadAloudItem[] = [
    { id: TITLE_ID, text: title, lang },
    { id: TEXT_ID, text, lang },
    { id: CANCEL_ID, text: cancelLabel, lang },
    { id: CONFIRM_ID, text: confirmLabel, lang },
  ];
  return (
    // Closing the dialog stops reading it.
    <DialogTrigger onOpenChange={(open) => open || readAloud.cancel()}>
      <Button className={className} aria-label={ariaLabel} isDisabled={isDisabled}>
        {children}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title">
                  <SpokenText id={TITLE_ID} text={title} as="span" />
                </Heading>
                <SpokenText id={TEXT_ID} text={text} />
                <SpeakButton items={items} />
                <div className="dialog-actions">
                  <Button className="button primary" autoFocus onPress={close}>
                    <SpokenText id={CANCEL_ID} text={cancelLabel} as="span" />
                  </Button>
                  <Button
                    className="button"
                    onPress={() => {
                      close();
                      onConfirm();
                    }}
                  >
                    <SpokenText id={CONFIRM_ID} text={confirmLabel} as="span" />
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
