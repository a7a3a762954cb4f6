/**
 * Relatives' free-text comments per life area, shown only where the group
 * is large enough; a hidden section or a hidden whole says why, in the same
 * words as every other hidden figure.
 */
import { useTranslation } from 'react-i18next';
import type { Results, Score } from '../../shared/coordinatorApi.ts';
import { hiddenStatus } from '../format.ts';
import { HiddenFigure } from '../ui/HiddenFigure.tsx';
import { NS } from '../i18n.ts';
import { localized } from './questionFigures.ts';

export interface CommentsListProps {
  readonly comments: Results['comments'];
  /** The relatives' group: why all comments are hidden when the server sends no sections. */
  readonly relatives: Score;
  /** The view without flagged responses shows no comments (their rows carry no flags). */
  readonly withoutFlagged?: boolean | undefined;
}

export function CommentsList({ comments, relatives, withoutFlagged }: CommentsListProps) {
  const { t } = useTranslation(NS);
  // A section with nothing to read (no comments, or nobody in it) is left out.
  const sections = comments.sections.flatMap((section) => {
    const status = hiddenStatus({ status: section.status, suppressed: false });
    if (status === 'empty' || (status === null && section.comments.length === 0)) return [];
    return [{ ...section, hidden: status }];
  });
  const wholeStatus = hiddenStatus(relatives) ?? 'too-few';
  return (
    <section aria-labelledby="comments-heading" className="results-section">
      <h2 id="comments-heading">{t('comments.heading')}</h2>
      {withoutFlagged ? (
        <p>{t('comments.notWithoutFlagged')}</p>
      ) : comments.suppressed && sections.length === 0 ? (
        <p>
          <HiddenFigure status={wholeStatus} /> — {t(`comments.hidden.${wholeStatus}`)}
        </p>
      ) : sections.length === 0 ? (
        <p>{t('comments.none')}</p>
      ) : (
        sections.map((section) => {
          const title = localized(section.title);
          return (
            <div key={section.key} className="comment-section">
              <h3 lang={title.lang}>{title.text}</h3>
              {section.hidden ? (
                <p>
                  <HiddenFigure status={section.hidden} />
                </p>
              ) : (
                <ul className="comments">
                  {section.comments.map((comment, index) => (
                    <li key={index}>{comment}</li>
                  ))}
                </ul>
              )}
            </div>
          );
        })
      )}
    </section>
  );
}
