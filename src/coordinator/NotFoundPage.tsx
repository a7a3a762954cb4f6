/** An address under /koordinator that is not a page (or one only an administrator may open). */
import { useTranslation } from 'react-i18next';
import { NS } from './i18n.ts';
import { Link } from './ui/Link.tsx';
import { PageHeading } from './ui/PageHeading.tsx';

export function NotFoundPage() {
  const { t } = useTranslation(NS);
  return (
    <section className="panel">
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to={{ page: 'rounds' }}>{t('notFound.back')}</Link>
      </p>
    </section>
  );
}
