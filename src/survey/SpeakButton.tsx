/**
 * The big speaker button: reads the page aloud, or stops reading. On a
 * device that could not be heard (no recording and no Norwegian voice) it
 * says so in plain words for the helper instead of staying silent. It asks
 * for what to read when pressed, so moving to another page does not
 * render it again.
 */
import { memo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ReadAloudItem } from './readAloud.ts';
import { useReadAloud, useReadAloudState } from './useReadAloud.ts';

export const SpeakButton = memo(function SpeakButton({ items }: { items: () => readonly ReadAloudItem[] }) {
  const { t } = useTranslation();
  const readAloud = useReadAloud();
  const { speaking } = useReadAloudState(readAloud);
  const [silent, setSilent] = useState(false);

  async function read() {
    const toRead = items();
    const audible = await readAloud.canRead(toRead);
    setSilent(!audible);
    if (audible) await readAloud.speak(toRead);
  }

  return (
    <>
      <Button className="speak-button" aria-pressed={speaking} onPress={() => (speaking ? readAloud.cancel() : void read())}>
        <svg viewBox="0 0 48 48" width="44" height="44" aria-hidden="true" focusable="false">
          <path d="M6 18h9l12-9v30l-12-9H6z" fill="currentColor" />
          {speaking ? (
            <rect x="32" y="16" width="12" height="16" rx="2" fill="currentColor" />
          ) : (
            <path d="M33 16q6 8 0 16M38 11q10 13 0 26" fill="none" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
          )}
        </svg>
        <span>{speaking ? t('survey.stopListening') : t('survey.listen')}</span>
      </Button>
      {silent && (
        <p className="notice warning speak-silent" role="alert">
          {t('survey.noVoice')}
        </p>
      )}
    </>
  );
});
