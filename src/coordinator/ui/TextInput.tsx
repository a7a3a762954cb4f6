/**
 * The one wrapper of react-aria's TextField on the coordinator pages: it
 * always renders its label, its description and its error, and the error
 * marks the field invalid.
 */
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';

export interface TextInputProps {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'password' | 'date';
  readonly autoComplete?: string;
  readonly description?: string;
  readonly error?: string | undefined;
  readonly isRequired?: boolean;
  readonly className?: string;
}

export function TextInput({ label, name, value, onChange, type = 'text', autoComplete, description, error, isRequired, className }: TextInputProps) {
  return (
    <TextField
      name={name}
      value={value}
      onChange={onChange}
      type={type}
      autoComplete={autoComplete}
      isRequired={isRequired}
      isInvalid={error !== undefined}
      validationBehavior="aria"
      className={`field${className ? ` ${className}` : ''}`}
    >
      <Label>{label}</Label>
      <Input spellCheck={type === 'text' ? undefined : false} />
      {description ? <Text slot="description">{description}</Text> : null}
      <FieldError>{error}</FieldError>
    </TextField>
  );
}
