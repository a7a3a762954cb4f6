/**
 * A question's or page's picture, large, with its alt text in the survey
 * language; and the next page's picture made ready ahead (fetched and
 * decoded while the person reads this page), so a page change does not
 * wait for it.
 */
import type { Questionnaire } from '../shared/questionnaire.ts';

type IllustrationData = Questionnaire['questions'][number]['illustration'];

const urlOf = (file: string) => `/${file}`;

export function Illustration({ illustration, language }: { illustration: IllustrationData; language: string }) {
  return (
    <div className="illustration">
      <img src={urlOf(illustration.file)} alt={illustration.alt[language] ?? ''} />
    </div>
  );
}

/** Pictures decoded ahead, held so the browser keeps them decoded until they are shown. */
const ready = new Map<string, HTMLImageElement>();

/** Fetches and decodes a picture that is about to be shown. Failures are ignored: the page loads it as usual. */
export function prepareIllustration(file: string): void {
  const url = urlOf(file);
  if (ready.has(url)) return;
  const image = new Image();
  image.src = url;
  ready.set(url, image);
  // A few pictures are enough: the next one or two pages.
  if (ready.size > 4) ready.delete(ready.keys().next().value!);
  // Older browsers (and jsdom) have no decode(): the picture is then only fetched ahead.
  if (typeof image.decode === 'function') image.decode().catch(() => ready.delete(url));
}
