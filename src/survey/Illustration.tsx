/** A question's or page's picture, large, with its alt text in the survey language. */
import type { Questionnaire } from '../shared/questionnaire.ts';

type IllustrationData = Questionnaire['questions'][number]['illustration'];

export function Illustration({ illustration, language }: { illustration: IllustrationData; language: string }) {
  return (
    <div className="illustration">
      <img src={`/${illustration.file}`} alt={illustration.alt[language] ?? ''} />
    </div>
  );
}
