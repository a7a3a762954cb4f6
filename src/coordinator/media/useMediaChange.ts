/**
 * Stores or deletes one file of one text (its voice or its video) and
 * says how it went: a status line on success, and on failure the server's
 * own message (wrong type, too large) or why the browser could not read
 * the file, or that it is too large before anything is sent. The page's list is updated only after the server said yes.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureMessage } from '../api.ts';
import { NS } from '../i18n.ts';
import { deleteMedia, uploadMedia, type MediaFile, type MediaTarget } from './mediaApi.ts';
import { MediaTooLarge, UnreadableAudio, type PreparedMedia } from './mediaFile.ts';
import { maxMediaBytes } from '../../shared/mediaLimits.ts';

export interface MediaChange {
  readonly busy: boolean;
  readonly status: string | null;
  readonly error: string | null;
  /** Resolves true when the server stored the file. */
  readonly upload: (prepare: () => Promise<PreparedMedia>) => Promise<boolean>;
  readonly remove: () => Promise<boolean>;
  readonly clear: () => void;
}

export function useMediaChange(target: MediaTarget, onChange: (file: MediaFile | null) => void): MediaChange {
  const { t, i18n } = useTranslation(NS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<MediaFile | null>, working: string, done: string): Promise<boolean> {
    setBusy(true);
    setError(null);
    setStatus(working);
    try {
      onChange(await action());
      setStatus(done);
      return true;
    } catch (caught) {
      setStatus(null);
      setError(caught instanceof UnreadableAudio ? t('media.errors.unreadable') : caught instanceof MediaTooLarge ? tooLarge(caught) : failureMessage(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }

  function tooLarge(error: MediaTooLarge): string {
    const megabytes = (bytes: number) => new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1024 / 1024);
    const max = maxMediaBytes(error.kind) / 1024 / 1024;
    const key = error.converted ? 'media.errors.convertedTooLarge' : `media.errors.${error.kind}TooLarge`;
    return t(key, { size: megabytes(error.bytes), max });
  }

  return {
    busy,
    status,
    error,
    upload: (prepare) =>
      run(
        async () => {
          const prepared = await prepare();
          return uploadMedia(target, { data: prepared.body, type: prepared.type });
        },
        t('media.saving'),
        t(`media.${target.kind}.saved`),
      ),
    remove: () =>
      run(
        async () => {
          await deleteMedia(target);
          return null;
        },
        t('media.deleting'),
        t(`media.${target.kind}.deleted`),
      ),
    clear: () => {
      setStatus(null);
      setError(null);
    },
  };
}
