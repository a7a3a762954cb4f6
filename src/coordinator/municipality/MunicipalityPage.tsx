/**
 * For an administrator: the municipality's anonymity threshold, the
 * smallest group whose figures are shown (never below 3), and whether it
 * takes part in the comparison with other municipalities.
 */
import { useState, type FormEvent } from 'react';
import { useSubmission } from '../ui/useSubmission.ts';
import { Button, FieldError, Form, Input, Label, NumberField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { meSchema } from '../../shared/coordinatorApi.ts';
import { MIN_ANONYMITY_THRESHOLD } from '../../shared/anonymity.ts';
import { apiSend } from '../api.ts';
import { FailureNotice } from '../ui/FailureNotice.tsx';
import { NS } from '../i18n.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useSession } from '../session.ts';
import { SharingSettings } from './SharingSettings.tsx';

export function MunicipalityPage() {
  const { t } = useTranslation(NS);
  const { me, update } = useSession();
  const [threshold, setThreshold] = useState<number>(me.municipality.anonymityThreshold);
  const { error, failure, saved, refuse, send } = useSubmission();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!Number.isInteger(threshold) || threshold < MIN_ANONYMITY_THRESHOLD) {
      refuse(t('municipality.tooLow', { min: MIN_ANONYMITY_THRESHOLD }));
      return;
    }
    await send(async () => {
      const municipality = await apiSend('PATCH', '/municipality', { anonymityThreshold: threshold }, meSchema.shape.municipality);
      update({ ...me, municipality });
      return t('municipality.saved', { threshold: municipality.anonymityThreshold });
    });
  }

  return (
    <section className="panel narrow">
      <PageHeading title={t('municipality.title', { name: me.municipality.name })}>{t('municipality.title', { name: me.municipality.name })}</PageHeading>
      <p>{t('municipality.intro')}</p>
      <Form onSubmit={submit} validationBehavior="aria">
        <NumberField
          name="anonymityThreshold"
          value={threshold}
          onChange={setThreshold}
          minValue={MIN_ANONYMITY_THRESHOLD}
          step={1}
          isInvalid={error !== undefined}
          validationBehavior="aria"
          className="field"
        >
          <Label>{t('municipality.threshold')}</Label>
          <Input />
          <Text slot="description">{t('municipality.thresholdHint', { min: MIN_ANONYMITY_THRESHOLD })}</Text>
          <FieldError>{error}</FieldError>
        </NumberField>
        <FailureNotice failure={failure} />
        <p role="status">{saved}</p>
        <Button type="submit" className="button primary">
          {t('common.save')}
        </Button>
      </Form>
      <SharingSettings />
    </section>
  );
}
