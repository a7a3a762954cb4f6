/**
 * Sends a tablet's emergency file, as it is, to the server, which opens a
 * sealed file, stores its responses through the tablets' own idempotent
 * ingest (so a second upload adds nothing) and says what it did. The
 * browser never reads the responses of a sealed file.
 */
import { uploadReportSchema, type AnyExportFile, type UploadReport } from '../../shared/exportFile.ts';
import { ApiFailure, failureMessage, requestJson } from '../api.ts';

export const UPLOAD_ENDPOINT = '/api/v1/coordinator/upload';

/** The server's report, or why the upload stopped (nothing is lost: uploading again is safe). */
export interface UploadOutcome extends UploadReport {
  readonly stopped: string | null;
}

export function responseCount(file: AnyExportFile): number {
  return file.version === 2 ? file.count : file.responses.length;
}

export async function uploadFile(file: AnyExportFile): Promise<UploadOutcome> {
  try {
    return { ...uploadReportSchema.parse(await requestJson(UPLOAD_ENDPOINT, { method: 'POST', body: file })), stopped: null };
  } catch (error) {
    if (error instanceof ApiFailure && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
      return { total: responseCount(file), stored: 0, refused: [], stopped: error.message };
    }
    return { total: responseCount(file), stored: 0, refused: [], stopped: failureMessage(error) };
  }
}
