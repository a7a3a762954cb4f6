/**
 * ConfirmButton for the helper screen: the same dialog (useConfirmDialog),
 * opened by a PlainButton so the tablet's first page does not download
 * react-aria's Button.
 */
import type { ReactNode } from 'react';
import { PlainButton } from './PlainButton.tsx';
import { type ConfirmTexts, useConfirmDialog } from './useConfirmDialog.tsx';

export interface PlainConfirmButtonProps extends ConfirmTexts {
  readonly children: ReactNode;
  readonly className: string;
  readonly ariaLabel?: string;
}

export function PlainConfirmButton({ children, className, ariaLabel, ...texts }: PlainConfirmButtonProps) {
  const { triggerProps, dialog } = useConfirmDialog(texts);
  return (
    <>
      <PlainButton className={className} aria-label={ariaLabel} {...triggerProps}>
        {children}
      </PlainButton>
      {dialog}
    </>
  );
}
