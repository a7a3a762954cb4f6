/**
 * The dialog a ConfirmButton opens: the question, "cancel" with the focus,
 * the confirming button apart from it, and the speaker button that reads
 * all of it aloud. A chunk of its own (react-aria's modal, focus trapping
 * and scroll locking with it): the helper screen paints without it and
 * ConfirmButton fetches it right after, before anyone can tap.
 */
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ReadAloudItem } from './readAloud.ts';
import { SpeakButton } from './SpeakButton.tsx';
import { SpokenText } from './SpokenText.tsx';

export interface ConfirmDialogProps {
  /** The dialog element's id, named by the trigger's aria-controls while open. */
  readonly id: string;
  readonly isOpen: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly title: string;
  readonly text: string;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  readonly onConfirm: () => void;
}

const TITLE_ID = 'dialog-title';
const TEXT_ID = 'dialog-text';
const CANCEL_ID = 'dialog-cancel';
const CONFIRM_ID = 'dialog-confirm';

export function ConfirmDialog({ id, isOpen, onOpenChange, title, text, confirmLabel, cancelLabel, onConfirm }: ConfirmDialogProps) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const items: ReadAloudItem[] = [
    { id: TITLE_ID, text: title, lang },
    { id: TEXT_ID, text, lang },
    { id: CANCEL_ID, text: cancelLabel, lang },
    { id: CONFIRM_ID, text: confirmLabel, lang },
  ];
  return (
    <ModalOverlay className="modal-overlay" isDismissable isOpen={isOpen} onOpenChange={onOpenChange}>
      <Modal className="modal">
        <Dialog id={id} className="dialog" role="alertdialog">
          {({ close }) => (
            <>
              <Heading slot="title">
                <SpokenText id={TITLE_ID} text={title} as="span" />
              </Heading>
              <SpokenText id={TEXT_ID} text={text} />
              <SpeakButton items={() => items} />
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
  );
}
