/** What an emergency upload did: how many responses are stored (now or before), which were refused and why, and whether it stopped early. */
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n.ts';
import type { UploadOutcome } from './uploadFile.ts';

export function UploadReportView({ report }: { readonly report: UploadOutcome }) {
  const { t } = useTranslation(NS);
  return (
    <div className={`notice ${report.refused.length > 0 || report.stopped ? 'warning' : 'success'}`}>
      <p>{t('upload.stored', { count: report.stored, total: report.total })}</p>
      {report.refused.length > 0 ? (
        <>
          <p>{t('upload.refused', { count: report.refused.length })}</p>
          <ul>
            {report.refused.map((refusal) => (
              <li key={refusal.responseId}>{t('upload.refusal', { id: refusal.responseId.slice(0, 8), message: refusal.message })}</li>
            ))}
          </ul>
        </>
      ) : null}
      {report.stopped ? <p>{t('upload.stopped', { message: report.stopped, count: report.total - report.stored - report.refused.length })}</p> : null}
      <p>{t('upload.again')}</p>
    </div>
  );
}
