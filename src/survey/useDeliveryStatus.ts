/**
 * The delivery status (src/storage/deliveryStatus.ts) of this device, live:
 * it follows the outbox and the sync client's record across tabs, and
 * ticks while a retry is scheduled so "prøver igjen om 2 min" stays true.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useServices } from './services.ts';
import { deliveryStatus, isSyncState, LAST_SENT_KEY, SYNC_STATE_KEY, type DeliveryStatus } from '../storage/deliveryStatus.ts';

const TICK_MS = 15_000;

/** undefined until the device database has been read: never "Alt er sendt" before it is known. */
export function useDeliveryStatus(filter?: { roundCode: string }): DeliveryStatus | undefined {
  const { db } = useServices();
  const roundCode = filter?.roundCode;
  const entries = useLiveQuery(
    () => (roundCode === undefined ? db.outbox.toArray() : db.outbox.filter((entry) => entry.response.roundCode === roundCode).toArray()),
    [db, roundCode],
  );
  const state = useLiveQuery(() => db.settings.get(SYNC_STATE_KEY), [db], undefined);
  const lastSent = useLiveQuery(() => db.settings.get(LAST_SENT_KEY), [db], undefined);
  const [now, setNow] = useState(Date.now);
  const status =
    entries &&
    deliveryStatus(entries, isSyncState(state?.value) ? state.value : undefined, typeof lastSent?.value === 'number' ? lastSent.value : null, now);
  const ticking = status !== undefined && (status.nextAttemptAt !== null || status.sending);
  useEffect(() => {
    setNow(Date.now());
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [ticking, state, entries]);
  return status;
}
