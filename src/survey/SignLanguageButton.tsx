/**
 * "Se på tegnspråk": shown on a question that has a sign-language video;
 * plays it large in a dialog, captions off, until the person closes it.
 */
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useReadAloud } from './useReadAloud.ts';

export function SignLanguageButton({ url, question }: { url: string; question: string }) {
  const { t } = useTranslation();
  const readAloud = useReadAloud();
  return (
    <DialogTrigger onOpenChange={(open) => open && readAloud.cancel()}>
      <Button className="sign-button">
        <svg viewBox="0 0 48 48" width="40" height="40" aria-hidden="true" focusable="false">
          <path d="M14 40V22l-4-8 4-2 6 9V8h4v18-22h4v22-18h4v20-14h4v22c0 8-6 14-14 14h-2c-4 0-7-2-10-4z" fill="currentColor" />
        </svg>
        {t('survey.signLanguage')}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal video-modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title">{question}</Heading>
                <video className="sign-video" src={url} controls autoPlay playsInline aria-label={t('survey.signLanguage')} />
                <div className="dialog-actions">
                  <Button className="button primary" onPress={close} autoFocus>
                    {t('survey.closeVideo')}
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
