/**
 * A button whose action needs a second, deliberate step: it opens a dialog
 * where "cancel" has the focus and the confirming button sits apart, so a
 * respondent cannot trigger it by one accidental tap. The dialog's question
 * and both answers can be read aloud, like every other text a respondent meets.
 * The respondent's pages use this one (react-aria's Button); the helper
 * screen uses PlainConfirmButton, the same dialog behind a plain button.
 */
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { type ConfirmTexts, useConfirmDialog } from './useConfirmDialog.tsx';

export interface ConfirmButtonProps extends ConfirmTexts {
  readonly children: ReactNode;
  readonly className: string;
  readonly ariaLabel?: string;
  readonly isDisabled?: boolean;
}

export function ConfirmButton({ children, className, ariaLabel, isDisabled, ...texts }: ConfirmButtonProps) {
  const { triggerProps, dialog } = useConfirmDialog(texts);
  return (
    <>
      <Button className={className} aria-label={ariaLabel} isDisabled={isDisabled} {...triggerProps}>
        {children}
      </Button>
      {dialog}
    </>
  );
}
