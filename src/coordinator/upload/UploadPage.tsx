/**
 * Emergency upload: a coordinator sends the file a helper saved on a
 * tablet that could not sync. Its shape is checked first; then the file
 * goes to the server as it is, which opens it and stores its responses.
 */
import { useId, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { readExportFile } from './readExportFile.ts';
import { responseCount, uploadFile, type UploadOutcome } from './uploadFile.ts';
import { UploadReportView } from './UploadReportView.tsx';

export function UploadPage() {
  const { t } = useTranslation(NS);
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [report, setReport] = useState<UploadOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setReport(null);
    setError(null);
    if (!file) {
      setError(t('upload.errors.noFile'));
      return;
    }
    const read = await readExportFile(file, t);
    if (!read.ok) {
      setError(read.message);
      return;
    }
    setBusy(true);
    setProgress(t('upload.sending', { count: responseCount(read.file) }));
    const result = await uploadFile(read.file);
    setBusy(false);
    setProgress(null);
    setReport(result);
  }

  return (
    <section className="panel narrow">
      <PageHeading title={t('upload.title')}>{t('upload.title')}</PageHeading>
      <p>{t('upload.intro')}</p>
      <form onSubmit={submit} className="upload-form">
        <div className="field">
          <label htmlFor={inputId}>{t('upload.file')}</label>
          <input
            id={inputId}
            type="file"
            accept="application/json,.json"
            aria-describedby={`${inputId}-hint`}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setError(null);
              setReport(null);
            }}
          />
          <p id={`${inputId}-hint`} className="hint">
            {t('upload.fileHint')}
          </p>
        </div>
        <Button type="submit" className="button primary" isDisabled={busy}>
          {t('upload.submit')}
        </Button>
      </form>
      <div role="alert">{error ? <p className="notice error">{error}</p> : null}</div>
      <div role="status">
        {progress ? <p>{progress}</p> : null}
        {report ? <UploadReportView report={report} /> : null}
      </div>
    </section>
  );
}
