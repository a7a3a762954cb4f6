/**
 * The one wrapper of react-aria's CheckboxGroup: a labelled list of
 * checkboxes that always renders its description and its error.
 */
import { Checkbox, CheckboxGroup, FieldError, Label, Text } from 'react-aria-components';

export interface CheckboxListProps {
  readonly label: string;
  readonly name: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly value: readonly string[];
  readonly onChange: (value: string[]) => void;
  readonly description?: string;
  readonly error?: string | undefined;
}

export function CheckboxList({ label, name, options, value, onChange, description, error }: CheckboxListProps) {
  return (
    <CheckboxGroup
      name={name}
      value={[...value]}
      onChange={onChange}
      isInvalid={error !== undefined}
      validationBehavior="aria"
      className="field checkbox-list"
    >
      <Label>{label}</Label>
      {description ? <Text slot="description">{description}</Text> : null}
      {options.map((option) => (
        <Checkbox key={option.value} value={option.value} className="checkbox">
          <span className="checkbox-box" aria-hidden="true" />
          {option.label}
        </Checkbox>
      ))}
      <FieldError>{error}</FieldError>
    </CheckboxGroup>
  );
}
