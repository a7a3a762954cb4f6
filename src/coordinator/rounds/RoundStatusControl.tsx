/**
 * Opens and closes a round. Closing asks once more, because tablets and
 * relatives can no longer send answers to a closed round.
 */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { roundSchema, type RoundSummary } from '../../shared/coordinatorApi.ts';
import { apiSend } from '../api.ts';
import { FailureNotice } from '../ui/FailureNotice.tsx';
import { NS } from '../i18n.ts';
import { useSubmission } from '../ui/useSubmission.ts';
import { RoundStatus } from './RoundStatus.tsx';

export interface RoundStatusControlProps {
  readonly round: RoundSummary;
  readonly onChange: (round: RoundSummary) => void;
}

export function RoundStatusControl({ round, onChange }: RoundStatusControlProps) {
  const { t } = useTranslation(NS);
  const [confirming, setConfirming] = useState(false);
  const { busy, failure, send } = useSubmission();

  async function setStatus(status: 'open' | 'closed') {
    await send(async () => {
      onChange(await apiSend('PATCH', `/rounds/${round.id}`, { status }, roundSchema));
      setConfirming(false);
      return null;
    });
  }

  return (
    <section aria-labelledby="status-heading" className="panel">
      <h2 id="status-heading">{t('round.statusHeading')}</h2>
      <p className="status-line" aria-live="polite">
        <RoundStatus status={round.status} /> — {t(`round.statusHelp.${round.status}`)}
      </p>
      <div className="form-actions">
        {round.status !== 'open' ? (
          <Button className="button primary" isDisabled={busy} onPress={() => void setStatus('open')}>
            {round.status === 'draft' ? t('round.open') : t('round.reopen')}
          </Button>
        ) : confirming ? (
          <div role="group" aria-labelledby="close-question" className="confirm">
            <p id="close-question">{t('round.closeQuestion')}</p>
            <div className="form-actions">
              <Button className="button" autoFocus onPress={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button className="button primary" isDisabled={busy} onPress={() => void setStatus('closed')}>
                {t('round.closeConfirm')}
              </Button>
            </div>
          </div>
        ) : (
          <Button className="button" onPress={() => setConfirming(true)}>
            {t('round.close')}
          </Button>
        )}
      </div>
      <FailureNotice failure={failure} />
    </section>
  );
}
