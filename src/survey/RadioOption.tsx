/**
 * One option of a radio group built on react-aria's hooks (useRadioGroup,
 * useRadioGroupState in the group): the whole element is the label of a
 * visually hidden radio input, marked by data-selected and
 * data-focus-visible for the styles. Lighter to mount than
 * react-aria-components' Radio, which a survey page mounts on every move.
 */
import { useRef, type ReactNode } from 'react';
import { mergeProps, useFocusRing, useRadio } from 'react-aria';
import type { RadioGroupState } from 'react-stately';

export interface RadioOptionProps {
  readonly state: RadioGroupState;
  readonly value: string;
  readonly className: string;
  /** The option's accessible name when the visible content is not just its text (icons, a "chosen" mark). */
  readonly ariaLabel?: string;
  readonly describedBy?: string | undefined;
  readonly children: ReactNode | ((isSelected: boolean) => ReactNode);
}

export function RadioOption({ state, value, className, ariaLabel, describedBy, children }: RadioOptionProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const content = typeof children === 'function' ? null : children;
  const { inputProps, isSelected } = useRadio(
    { value, children: content ?? true, ...(ariaLabel ? { 'aria-label': ariaLabel } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) },
    state,
    inputRef,
  );
  const { isFocusVisible, focusProps } = useFocusRing();
  return (
    <label className={className} data-selected={isSelected || undefined} data-focus-visible={isFocusVisible || undefined}>
      <input {...mergeProps(inputProps, focusProps)} ref={inputRef} className="visually-hidden" />
      {typeof children === 'function' ? children(isSelected) : children}
    </label>
  );
}
