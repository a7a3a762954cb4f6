/**
 * A delete button that asks once more before anything is deleted. Cancel
 * puts the focus back on the button that opened the question.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n.ts';

export interface ConfirmDeleteProps {
  readonly label: string;
  readonly question: string;
  readonly confirmLabel: string;
  /** The id of what is deleted (the text), read with the button. */
  readonly describedBy: string;
  readonly isDisabled?: boolean;
  readonly onConfirm: () => void;
}

export function ConfirmDelete({ label, question, confirmLabel, describedBy, isDisabled, onConfirm }: ConfirmDeleteProps) {
  const { t } = useTranslation(NS);
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (returnFocus) {
      button.current?.focus();
      setReturnFocus(false);
    }
  }, [confirming, returnFocus]);

  if (!confirming) {
    return (
      <Button ref={button} className="button small" isDisabled={isDisabled} onPress={() => setConfirming(true)} aria-describedby={describedBy}>
        {label}
      </Button>
    );
  }
  return (
    <div role="group" aria-labelledby={id} className="confirm">
      <p id={id}>{question}</p>
      <div className="form-actions">
        <Button
          ref={cancel}
          className="button small"
          onPress={() => {
            setConfirming(false);
            setReturnFocus(true);
          }}
        >
          {t('common.cancel')}
        </Button>
        <Button
          className="button small primary"
          onPress={() => {
            setConfirming(false);
            onConfirm();
          }}
        >
          {confirmLabel}
        </Button>
      </div>
    </div>
  );
}
