/** A labelled group of large radio buttons for the helper's choices (language, unit, how answered). */
import { useRadioGroup } from 'react-aria';
import { useRadioGroupState } from 'react-stately';
import { RadioOption } from './RadioOption.tsx';

export interface ChoiceGroupProps<T extends string> {
  readonly label: string;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly value: T | null;
  readonly onChange: (value: T) => void;
  readonly orientation?: 'horizontal' | 'vertical';
}

export function ChoiceGroup<T extends string>({ label, options, value, onChange, orientation = 'vertical' }: ChoiceGroupProps<T>) {
  const state = useRadioGroupState({ value, onChange: (next) => onChange(next as T), orientation });
  const { radioGroupProps, labelProps } = useRadioGroup({ label, orientation }, state);
  return (
    <div {...radioGroupProps} className={`choice-group choice-${orientation}`}>
      <span {...labelProps} className="choice-label">
        {label}
      </span>
      <div className="choice-options">
        {options.map((option) => (
          <RadioOption key={option.value} state={state} value={option.value} className="choice">
            {option.label}
          </RadioOption>
        ))}
      </div>
    </div>
  );
}
