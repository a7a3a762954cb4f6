/**
 * For the helper only (never on respondent pages): how many responses wait
 * to be sent, when the last send succeeded, any the server refused with its
 * message, and a "Send nå" button.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services.ts';
import { downloadJson, exportOutbox } from '../storage/exportOutbox.ts';
import { LAST_SENT_KEY, type SyncOutcome } from '../storage/syncClient.ts';

export function OutboxStatus() {
  const { t, i18n } = useTranslation();
  const { db, sync } = useServices();
  const queued = useLiveQuery(() => db.outbox.where('state').equals('queued').count(), [], 0);
  const rejected = useLiveQuery(() => db.outbox.where('state').equals('rejected').toArray(), [], []);
  const lastSent = useLiveQuery(() => db.settings.get(LAST_SENT_KEY), [], undefined);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);

  const lastSentAt = typeof lastSent?.value === 'number' ? new Date(lastSent.value) : null;
  const time = lastSentAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(lastSentAt)
    : null;

  const total = queued + rejected.length;

  async function saveCopy() {
    const file = await exportOutbox(db);
    downloadJson(file, `min-stemme-teller-svar-${file.exportedOn}.json`);
  }

  async function sendNow() {
    setSending(true);
    setOutcome(await sync.syncNow({ includeWaiting: true }));
    setSending(false);
  }

  return (
    <section className="panel outbox-status" aria-labelledby="outbox-title">
      <h2 id="outbox-title" className="visually-hidden">
        {t('outbox.sendNow')}
      </h2>
      <p role="status" className={queued > 0 ? 'status-waiting' : 'status-ok'}>
        {queued > 0 ? t('outbox.waiting', { count: queued }) : t('outbox.allSent')}
        {time && <span className="status-time"> · {t('outbox.lastSent', { time })}</span>}
      </p>
      {outcome === 'offline' || outcome === 'server-error' ? <p className="notice">{t('outbox.offline')}</p> : null}
      {rejected.map((entry) => (
        <p key={entry.id} className="form-error">
          {t('outbox.rejected', { message: entry.lastError ?? '' })}
        </p>
      ))}
      <div className="form-actions">
        {queued > 0 && (
          <Button className="button" onPress={() => void sendNow()} isDisabled={sending}>
            {sending ? t('outbox.sending') : t('outbox.sendNow')}
          </Button>
        )}
        {total > 0 && (
          <Button className="button" onPress={() => void saveCopy()}>
            {t('outbox.saveCopy')}
          </Button>
        )}
      </div>
      {total > 0 && <p className="hint">{t('outbox.saveCopyHelp')}</p>}
    </section>
  );
}
