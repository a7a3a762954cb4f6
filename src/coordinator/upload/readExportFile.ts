/** Reads a tablet's emergency file (sealed or, from older tablets, in clear) and checks its shape before anything is sent. */
import { formatPath } from '../../shared/describeIssue.ts';
import { anyExportFileSchema, type AnyExportFile } from '../../shared/exportFile.ts';
import type { Translate } from '../i18n.ts';

export type ReadResult = { readonly ok: true; readonly file: AnyExportFile } | { readonly ok: false; readonly message: string };

export async function readExportFile(file: Blob, t: Translate): Promise<ReadResult> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return { ok: false, message: t('upload.errors.notJson') };
  }
  const parsed = anyExportFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  const issue = parsed.error.issues[0];
  const wrongKind = issue !== undefined && (issue.path[0] === 'format' || issue.path[0] === 'version' || issue.path.length === 0);
  if (wrongKind) return { ok: false, message: t('upload.errors.notExportFile') };
  return { ok: false, message: t('upload.errors.invalid', { path: issue ? formatPath(issue.path) : '' }) };
}
