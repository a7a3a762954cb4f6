/** Eir's intro pages and the end page: a picture, a title and a short text, all readable aloud. */
import { memo, type Ref } from 'react';
import type { Page } from '../shared/questionnaire.ts';
import { Illustration } from './Illustration.tsx';
import { SpokenText } from './SpokenText.tsx';
import { TEXT_ID, TITLE_ID } from './speechItems.ts';

export const TextPage = memo(function TextPage({ page, language, headingRef }: { page: Page; language: string; headingRef: Ref<HTMLHeadingElement> }) {
  const title = page.title?.[language];
  return (
    <div className="text-page">
      <Illustration illustration={page.illustration} language={language} />
      <h1 ref={headingRef} tabIndex={-1} className="page-heading">
        {title ? <SpokenText id={TITLE_ID} text={title} as="span" /> : <SpokenText id={TEXT_ID} text={page.text[language] ?? ''} as="span" />}
      </h1>
      {title && <SpokenText id={TEXT_ID} text={page.text[language] ?? ''} className="page-text" />}
    </div>
  );
});
