/** The one wrapper of react-aria's Switch: a labelled on/off control that renders its description when it has one. */
import { useId } from 'react';
import { Switch } from 'react-aria-components';

export interface SwitchFieldProps {
  readonly label: string;
  readonly description?: string | undefined;
  readonly value: boolean;
  readonly onChange: (value: boolean) => void;
}

export function SwitchField({ label, description, value, onChange }: SwitchFieldProps) {
  const descriptionId = useId();
  return (
    <div className="field switch-field">
      <Switch isSelected={value} onChange={onChange} className="switch" aria-describedby={description ? descriptionId : undefined}>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        {label}
      </Switch>
      {description ? (
        <p id={descriptionId} className="hint">
          {description}
        </p>
      ) : null}
    </div>
  );
}
