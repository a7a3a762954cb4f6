/** One unit in the list, with (for an administrator) a rename form that opens in place. */
import { useState, type FormEvent } from 'react';
import { useSubmission } from '../ui/useSubmission.ts';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { unitInputSchema, unitSchema, type Unit } from '../../shared/coordinatorApi.ts';
import { apiSend } from '../api.ts';
import { FailureNotice } from '../ui/FailureNotice.tsx';
import { NS } from '../i18n.ts';
import { TextInput } from '../ui/TextInput.tsx';

export interface UnitRowProps {
  readonly unit: Unit;
  readonly onRenamed: (unit: Unit) => void;
  readonly canRename: boolean;
}

export function UnitRow({ unit, onRenamed, canRename }: UnitRowProps) {
  const { t } = useTranslation(NS);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(unit.name);
  const { error, failure, refuse, send, reset } = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = unitInputSchema.safeParse({ name });
    if (!parsed.success) {
      refuse(t('units.nameRequired'));
      return;
    }
    await send(async () => {
      onRenamed(await apiSend('PATCH', `/units/${unit.id}`, parsed.data, unitSchema));
      setEditing(false);
      return null;
    });
  }

  if (!editing) {
    return (
      <li className="unit-row">
        <span className="unit-name">{unit.name}</span>
        {canRename ? (
          <Button className="button small" onPress={() => setEditing(true)} aria-label={t('units.renameNamed', { name: unit.name })}>
            {t('units.rename')}
          </Button>
        ) : null}
      </li>
    );
  }
  return (
    <li className="unit-row editing">
      <Form onSubmit={submit} validationBehavior="aria" className="inline-form">
        <TextInput label={t('units.newName', { name: unit.name })} name="name" value={name} onChange={setName} error={error} />
        <div className="form-actions">
          <Button type="submit" className="button small primary">
            {t('common.save')}
          </Button>
          <Button
            className="button small"
            onPress={() => {
              setEditing(false);
              setName(unit.name);
              reset();
            }}
          >
            {t('common.cancel')}
          </Button>
        </div>
        <FailureNotice failure={failure} />
      </Form>
    </li>
  );
}
