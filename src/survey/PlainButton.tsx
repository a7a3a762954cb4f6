/**
 * A plain HTML button for the helper's screens (the start screen, the
 * delivery status, the update prompt), which are the tablet's first page,
 * and for the survey's navigation bar: what they need of a button (a
 * click, Enter and Space, `disabled`, `:focus-visible`) the browser already
 * gives. react-aria's Button (press events, hover and focus-ring state;
 * about 14 KiB brotli) would double what the first page downloads beyond
 * React, Dexie and i18next, and on "Gå til neste" its press-state renders
 * on pointerdown and pointerup came before the page move. Like that
 * Button, it takes the focus when pressed (Safari does not focus a tapped
 * button), so a dialog it opens gives the focus back to it when it closes.
 */
import type { ButtonHTMLAttributes } from 'react';

export interface PlainButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onClick' | 'disabled'> {
  readonly onPress?: () => void;
  readonly isDisabled?: boolean | undefined;
}

export function PlainButton({ onPress, isDisabled, ...props }: PlainButtonProps) {
  return (
    <button
      type="button"
      {...props}
      disabled={isDisabled}
      onClick={(event) => {
        event.currentTarget.focus({ preventScroll: true });
        onPress?.();
      }}
    />
  );
}
