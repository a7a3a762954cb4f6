/**
 * What a relative is told about delivery: after finishing, whether these
 * answers are sent, still waiting on the phone (and that they are sent only
 * while the page is open), or refused (with "Prøv igjen"); and, before a
 * second survey from the same phone, a question: one survey for each person.
 * The phone remembers only that it has answered for this round code.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { responseDelivery } from '../storage/deliveryStatus.ts';
import type { SurveyDatabase } from '../storage/db.ts';
import { OutboxStatus } from '../survey/OutboxStatus.tsx';
import { PlainButton } from '../survey/PlainButton.tsx';
import { useServices } from '../survey/services.ts';

const answeredKey = (roundCode: string) => `answeredHere:${roundCode}`;

export async function wasAnsweredHere(db: SurveyDatabase, roundCode: string): Promise<boolean> {
  return (await db.settings.get(answeredKey(roundCode)))?.value === true;
}

export async function markAnsweredHere(db: SurveyDatabase, roundCode: string): Promise<void> {
  await db.settings.put({ key: answeredKey(roundCode), value: true });
}

export function FinishedDelivery({ responseId, roundCode }: { responseId: string; roundCode: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  // undefined while reading; null once read and gone from the outbox (the server holds it).
  const entry = useLiveQuery(async () => (await db.outbox.get(responseId)) ?? null, [db, responseId], undefined);
  if (entry === undefined) return null;
  const fate = responseDelivery(entry ?? undefined);
  if (fate === 'sent') {
    return (
      <p className="notice success" role="status">
        {t('relative.sentNotice')}
      </p>
    );
  }
  return (
    <>
      <p className={fate === 'refused' ? 'form-error' : 'notice'} role="status">
        {t(fate === 'refused' ? 'relative.refusedNotice' : 'relative.waitingNotice')}
      </p>
      <OutboxStatus device="phone" roundCode={roundCode} />
    </>
  );
}

export function ConfirmNewSurvey({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  return (
    <div className="confirm-new" role="group" aria-labelledby="confirm-new-question">
      <p id="confirm-new-question" className="notice" ref={question} tabIndex={-1}>
        {t('relative.confirmNew')}
      </p>
      <div className="form-actions">
        <PlainButton className="button primary big" onPress={onConfirm}>
          {t('relative.confirmNewYes')}
        </PlainButton>
        <PlainButton className="button big" onPress={onCancel}>
          {t('relative.cancel')}
        </PlainButton>
      </div>
    </div>
  );
}
