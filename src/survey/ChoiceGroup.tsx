/** A labelled group of large radio buttons for the helper's choices (language, unit, how answered). */
import { Label, Radio, RadioGroup } from 'react-aria-components';

export interface ChoiceGroupProps<T extends string> {
  readonly label: string;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly value: T | null;
  readonly onChange: (value: T) => void;
  readonly orientation?: 'horizontal' | 'vertical';
}

export function ChoiceGroup<T extends string>({ label, options, value, onChange, orientation = 'vertical' }: ChoiceGroupProps<T>) {
  return (
    <RadioGroup
      className={`choice-group choice-${orientation}`}
      value={value}
      onChange={(next) => onChange(next as T)}
      orientation={orientation}
    >
      <Label className="choice-label">{label}</Label>
      <div className="choice-options">
        {options.map((option) => (
          <Radio key={option.value} value={option.value} className="choice">
            {option.label}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
