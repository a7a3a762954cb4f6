/** Relatives' free-text comments per life area, shown only when the group is at or above the anonymity threshold. */
import { useTranslation } from 'react-i18next';
import type { Results } from '../shared/coordinatorApi.ts';
import { NS } from './i18n.ts';
import { localized } from './questionFigures.ts';

export function CommentsList({ comments }: { readonly comments: Results['comments'] }) {
  const { t } = useTranslation(NS);
  const withText = comments.sections.filter((section) => section.comments.length > 0);
  return (
    <section aria-labelledby="comments-heading" className="results-section">
      <h2 id="comments-heading">{t('comments.heading')}</h2>
      {comments.suppressed ? (
        <p>
          <span className="suppressed">{t('results.suppressed')}</span> — {t('comments.suppressed')}
        </p>
      ) : withText.length === 0 ? (
        <p>{t('comments.none')}</p>
      ) : (
        withText.map((section) => {
          const title = localized(section.title);
          return (
            <div key={section.key} className="comment-section">
              <h3 lang={title.lang}>{title.text}</h3>
              <ul className="comments">
                {section.comments.map((comment, index) => (
                  <li key={index}>{comment}</li>
                ))}
              </ul>
            </div>
          );
        })
      )}
    </section>
  );
}
