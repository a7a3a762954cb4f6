/** Creates a survey round: name, period, questionnaires and units, checked before it is sent. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { roundSchema } from '../../shared/coordinatorApi.ts';
import { apiSend } from '../api.ts';
import { CheckboxList } from '../ui/CheckboxList.tsx';
import { FailureNotice } from '../ui/FailureNotice.tsx';
import { NS } from '../i18n.ts';
import { Link } from '../ui/Link.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { loadQuestionnaires, loadUnits } from '../resources.ts';
import { checkRound, type RoundDraft, type RoundErrors } from './roundForm.ts';
import { navigate, pathOf } from '../router.ts';
import { useApiData } from '../useApiData.ts';
import { TextInput } from '../ui/TextInput.tsx';
import { useSubmission } from '../ui/useSubmission.ts';

const EMPTY: RoundDraft = { name: '', opensOn: '', closesOn: '', questionnaireIds: [], unitIds: [] };

export function NewRoundPage() {
  const { t } = useTranslation(NS);
  const { result, reload } = useApiData('new-round', () => Promise.all([loadQuestionnaires(), loadUnits()]));
  const [draft, setDraft] = useState<RoundDraft>(EMPTY);
  const { error: refused, busy, failure, refuse, send } = useSubmission<RoundErrors, never>();
  const errors = refused ?? {};
  const formRef = useRef<HTMLFormElement>(null);

  // After a refused submit (a new errors object each time), the first field in error takes the focus, so its message is read out.
  useEffect(() => {
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid?.matches('input') ? invalid : invalid?.querySelector<HTMLElement>('input'))?.focus();
  }, [refused]);

  const set = <K extends keyof RoundDraft>(field: K) => (value: RoundDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkRound(draft, t);
    if (!checked.ok) {
      refuse(checked.errors);
      return;
    }
    await send(async () => {
      const round = await apiSend('POST', '/rounds', checked.input, roundSchema);
      navigate(pathOf({ page: 'round', roundId: round.id }));
      return null;
    });
  }

  const [questionnaires, units] = result.state === 'ready' ? result.data : [[], []];
  return (
    <section className="panel narrow">
      <PageHeading title={t('newRound.title')}>{t('newRound.title')}</PageHeading>
      <LoadState result={result} onRetry={reload} />
      {result.state === 'ready' ? (
        <Form ref={formRef} onSubmit={submit} validationBehavior="aria">
          <TextInput label={t('newRound.name')} name="name" value={draft.name} onChange={set('name')} description={t('newRound.nameHint')} error={errors.name} />
          <div className="field-row">
            <TextInput label={t('newRound.opensOn')} name="opensOn" type="date" value={draft.opensOn} onChange={set('opensOn')} error={errors.opensOn} />
            <TextInput label={t('newRound.closesOn')} name="closesOn" type="date" value={draft.closesOn} onChange={set('closesOn')} error={errors.closesOn} />
          </div>
          <CheckboxList
            label={t('newRound.questionnaires')}
            name="questionnaireIds"
            options={questionnaires.map((q) => ({ value: q.id, label: t('newRound.questionnaireOption', { audience: t(`audience.${q.audience}`), title: q.title.nb }) }))}
            value={draft.questionnaireIds}
            onChange={set('questionnaireIds')}
            error={errors.questionnaireIds}
          />
          {units.length === 0 ? (
            <p className="notice warning">
              {t('newRound.noUnits')} <Link to={{ page: 'units' }}>{t('newRound.addUnits')}</Link>
            </p>
          ) : null}
          <CheckboxList
            label={t('newRound.units')}
            name="unitIds"
            options={units.map((unit) => ({ value: String(unit.id), label: unit.name }))}
            value={draft.unitIds}
            onChange={set('unitIds')}
            error={errors.unitIds}
          />
          <FailureNotice failure={failure} />
          <Button type="submit" className="button primary" isDisabled={busy}>
            {busy ? t('common.saving') : t('newRound.submit')}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}
