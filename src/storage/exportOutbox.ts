/** Builds the emergency file of every response still on this device (queued or refused). */
import { EXPORT_FORMAT, type ExportFile } from '../shared/exportFile.ts';
import type { SurveyDatabase } from './db.ts';
import { deviceDate } from './surveyStore.ts';

export async function exportOutbox(db: SurveyDatabase): Promise<ExportFile> {
  const entries = await db.outbox.toArray();
  return { format: EXPORT_FORMAT, version: 1, exportedOn: deviceDate(), responses: entries.map((entry) => entry.response) };
}

/** Offers the file for download; nothing leaves the device otherwise. */
export function downloadJson(file: ExportFile, name: string): void {
  const blob = new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
