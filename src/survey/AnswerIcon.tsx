/** The face on an answer button: smile, neutral or sad, so colour is never the only signal. */
import type { Tone } from '../shared/scales.ts';

export function AnswerIcon({ tone }: { tone: Tone }) {
  if (tone === 'none') return null;
  const mouth =
    tone === 'positive' ? 'M14 27q10 10 20 0' : tone === 'neutral' ? 'M14 30h20' : 'M14 33q10-10 20 0';
  return (
    <svg className="answer-icon" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="#fff" stroke="currentColor" strokeWidth="4" />
      <circle cx="16.5" cy="19" r="3" fill="currentColor" />
      <circle cx="31.5" cy="19" r="3" fill="currentColor" />
      <path d={mouth} fill="none" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}

export function CheckIcon() {
  return (
    <svg className="check-icon" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="15" fill="currentColor" />
      <path d="M9 16.5l5 5 9-10" fill="none" stroke="#fff" strokeWidth="4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
