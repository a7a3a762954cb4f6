/**
 * Shows a text that is read aloud, split into its sentences, and marks the
 * sentence and word being read so a respondent who cannot read can follow
 * along. The characters are the same whether or not it is being read; only
 * class names and a <mark> change, so screen readers and layout are unaffected.
 */
import { useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { splitSentences } from './sentences.ts';
import type { WordRange } from './sentences.ts';
import { ReadAloudContext, useReadAloudState } from './useReadAloud.ts';

export interface SpokenTextProps {
  /** The read-aloud item id this text is spoken under. */
  readonly id: string;
  readonly text: string;
  readonly as?: 'p' | 'h1' | 'h2' | 'span';
  readonly className?: string;
}

export function SpokenText({ id, text, as: Tag = 'p', className }: SpokenTextProps) {
  // Read directly rather than with useReadAloud(): showing a text must not
  // fail just because no controller was provided.
  const state = useReadAloudState(useContext(ReadAloudContext));
  const sentences = useMemo(() => splitSentences(text), [text]);
  const reading = state.itemId === id;

  const parts: ReactNode[] = [];
  let offset = 0;
  sentences.forEach((sentence, index) => {
    // The gaps between sentences (spaces, line breaks) are kept as they are.
    if (sentence.start > offset) parts.push(text.slice(offset, sentence.start));
    const current = reading && state.sentenceIndex === index;
    parts.push(
      <span key={index} className={current ? 'spoken-sentence' : undefined} data-reading={current ? 'true' : undefined}>
        {current ? withWord(sentence.text, state.word) : sentence.text}
      </span>,
    );
    offset = sentence.start + sentence.text.length;
  });
  if (offset < text.length) parts.push(text.slice(offset));

  const classes = [className, reading ? 'spoken-item' : undefined].filter(Boolean).join(' ');
  return <Tag className={classes === '' ? undefined : classes}>{parts}</Tag>;
}

function withWord(sentence: string, word: WordRange | null): ReactNode {
  if (word === null || word.length <= 0 || word.start < 0 || word.start + word.length > sentence.length) return sentence;
  const end = word.start + word.length;
  return (
    <>
      {sentence.slice(0, word.start)}
      <mark className="spoken-word">{sentence.slice(word.start, end)}</mark>
      {sentence.slice(end)}
    </>
  );
}
