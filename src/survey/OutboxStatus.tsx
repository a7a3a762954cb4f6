/**
 * Delivery as it really stands, for the helper on the tablet and for the
 * relative on a phone (never on respondent pages): how many responses
 * wait, whether one is being sent, why the last attempt failed and when
 * the next one is, any the server refused with its message and "Prøv
 * igjen", and "Send nå". One status model (useDeliveryStatus) for both.
 */
import { useTranslation } from 'react-i18next';
import { PlainButton } from './PlainButton.tsx';
import { useServices } from './services.ts';
import { useDeliveryStatus } from './useDeliveryStatus.ts';

export type DeliveryDevice = 'tablet' | 'phone';

function relativeTime(language: string, at: number, now: number): string {
  const minutes = Math.round((at - now) / 60_000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  return minutes < 1 ? format.format(Math.max(1, Math.round((at - now) / 1000)), 'second') : format.format(minutes, 'minute');
}

export function OutboxStatus({ device = 'tablet', roundCode }: { device?: DeliveryDevice; roundCode?: string }) {
  const { t, i18n } = useTranslation();
  const { db, sync } = useServices();
  const status = useDeliveryStatus(roundCode === undefined ? undefined : { roundCode });
  if (!status) return null;
  const { waiting, refused, sending, problem, nextAttemptAt, lastSentAt } = status;

  const time = lastSentAt ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(lastSentAt)) : null;
  const total = waiting + refused.length;

  // Only on a tap: the export (and its sealing) is a chunk of its own, off the first page.
  const saveCopy = async () => {
    const { downloadJson, exportOutbox } = await import('../storage/exportOutbox.ts');
    const file = await exportOutbox(db);
    downloadJson(file, `min-stemme-teller-svar-${file.exportedOn}.json`);
  };

  const headline = sending
    ? t('outbox.sendingCount', { count: waiting })
    : waiting > 0
      ? t('outbox.waiting', { count: waiting })
      : refused.length > 0
        ? t('outbox.noneWaiting')
        : t('outbox.allSent');

  return (
    <section className="panel outbox-status" aria-labelledby="outbox-title">
      <h2 id="outbox-title" className="visually-hidden">
        {t('outbox.title')}
      </h2>
      <p role="status" className={waiting > 0 || refused.length > 0 ? 'status-waiting' : 'status-ok'}>
        {headline}
        {time && <span className="status-time"> · {t('outbox.lastSent', { time })}</span>}
      </p>
      {problem && (
        <p className="notice">
          {t(`outbox.problem.${problem}`, { context: device })}{' '}
          {nextAttemptAt !== null && t('outbox.nextAttempt', { when: relativeTime(i18n.language, nextAttemptAt, Date.now()) })}
        </p>
      )}
      {refused.map((entry) => (
        <div key={entry.id} className="refused-response">
          <p className="form-error" id={`refused-${entry.id}`}>
            {t('outbox.rejected', { message: entry.lastError ?? '' })}
          </p>
          <PlainButton className="button" aria-describedby={`refused-${entry.id}`} onPress={() => void sync.retry(entry.id)}>
            {t('outbox.retry')}
          </PlainButton>
        </div>
      ))}
      <div className="form-actions">
        {waiting > 0 && (
          <PlainButton className="button" onPress={() => void sync.syncNow({ includeWaiting: true })}>
            {t('outbox.sendNow')}
          </PlainButton>
        )}
        {device === 'tablet' && total > 0 && (
          <PlainButton className="button" onPress={() => void saveCopy()}>
            {t('outbox.saveCopy')}
          </PlainButton>
        )}
      </div>
      {device === 'tablet' && total > 0 && <p className="hint">{t('outbox.saveCopyHelp')}</p>}
    </section>
  );
}
