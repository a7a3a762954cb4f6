/**
 * A labelled group of large radio buttons for the helper's and the
 * relatives' choices (language, unit, how answered): native radio inputs
 * in a radiogroup, so the browser gives the arrow keys, the single Tab stop
 * and the checked state without any script. These groups sit on the first
 * screens of a phone and a tablet, where react-aria's radio (and its
 * locale set-up, which loads the browser's Intl data) would be most of the
 * main thread's work after the first paint. The question's own answers
 * (AnswerButtons) are native radios the same way, drawn as answer bars.
 */
import { useId } from 'react';

export interface ChoiceGroupProps<T extends string> {
  readonly label: string;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly value: T | null;
  readonly onChange: (value: T) => void;
  readonly orientation?: 'horizontal' | 'vertical';
}

export function ChoiceGroup<T extends string>({ label, options, value, onChange, orientation = 'vertical' }: ChoiceGroupProps<T>) {
  const id = useId();
  return (
    <div role="radiogroup" aria-labelledby={`${id}-label`} aria-orientation={orientation} className={`choice-group choice-${orientation}`}>
      <span id={`${id}-label`} className="choice-label">
        {label}
      </span>
      <div className="choice-options">
        {options.map((option) => (
          <label key={option.value} className="choice" data-selected={value === option.value || undefined}>
            <input
              type="radio"
              className="visually-hidden"
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
    </div>
  );
}
