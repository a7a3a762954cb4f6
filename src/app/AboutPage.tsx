/** "Om appen": what Min stemme teller is, what it stores, and the pictures' licence and attribution. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function AboutPage() {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${t('about.title')} – ${t('app.name')}`;
    headingRef.current?.focus();
  }, [t]);
  return (
    <article className="panel about">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('about.title')}
      </h1>
      <p>{t('about.what')}</p>
      <h2>{t('about.privacyTitle')}</h2>
      <p>{t('about.privacy')}</p>
      <h2>{t('about.picturesTitle')}</h2>
      <p>{t('about.pictures')}</p>
      <p>
        <a href="https://creativecommons.org/licenses/by/4.0/deed.no" rel="license noreferrer">
          {t('about.licence')}
        </a>
      </p>
      <p>
        <a href="/">{t('about.back')}</a>
      </p>
    </article>
  );
}
