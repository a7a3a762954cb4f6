// @vitest-environment jsdom
/**
 * Emergency upload of a tablet's file: the file goes to the server as it
 * is (sealed or, from an older tablet, in clear) and the page shows what
 * the server stored and refused; a second upload says the same; when the
 * server cannot be reached the page says so and that uploading again is
 * safe; a file that is not a response file is refused with a clear
 * message and nothing is sent.
 */
import '@testing-library/jest-dom/vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, exportFileSchema, SEALING_ALGORITHM, type ExportFile, type SealedExportFile } from '../../../src/shared/exportFile.ts';
import type { SurveyResponse } from '../../../src/shared/response.ts';
import { UPLOAD_ENDPOINT } from '../../../src/coordinator/upload/uploadFile.ts';
import { apiError, fakeApi, FIRST_RENDER, renderAt, resetApi } from './fakeApi.tsx';
import { API, me } from './fixtures.ts';

function responses(count: number): SurveyResponse[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    questionnaireId: 'respondent',
    questionnaireVersion: 1,
    audience: 'respondent',
    language: 'nb',
    roundCode: 'K7PMX4QZ',
    unitId: 1,
    answeredBy: index % 2 === 0 ? 'alone' : 'with-staff',
    answers: { 'bolig-trives': 'ja', 'bolig-trist': index % 3 === 0 ? null : 'nei' },
    comments: {},
    completion: 'finished',
    completedOn: '2026-09-14',
  }));
}

function clearFile(count: number): ExportFile {
  return exportFileSchema.parse({ format: EXPORT_FORMAT, version: 1, exportedOn: '2026-09-15', responses: responses(count) });
}

const sealedFile: SealedExportFile = {
  format: EXPORT_FORMAT, version: 2, exportedOn: '2026-09-15', count: 120,
  sealed: { alg: SEALING_ALGORITHM, keyId: 'a1b2c3d4', key: 'AAAA', iv: 'AAAAAAAAAAAAAAAA', data: 'AAAA' },
};

describe('emergency upload', { timeout: 20_000 }, () => {
  let user: UserEvent;
  beforeEach(() => {
    user = userEvent.setup({ delay: null });
  });
  afterEach(resetApi);

  async function upload(content: string, name = 'svar-fra-nettbrett.json') {
    const input = await screen.findByLabelText('Fil fra nettbrettet', {}, FIRST_RENDER);
    await user.upload(input, new File([content], name, { type: 'application/json' }));
    await user.click(screen.getByRole('button', { name: 'Last opp svarene' }));
  }

  it('sends a sealed file to the server as it is, and a second upload says the same', async () => {
    const api = fakeApi({ [`GET ${API}/me`]: { status: 200, body: me }, [`POST ${UPLOAD_ENDPOINT}`]: { status: 200, body: { total: 120, stored: 120, refused: [] } } });
    renderAt('/koordinator/opplasting');

    await upload(JSON.stringify(sealedFile));
    const success = '120 av 120 svar er lagret eller var lagret fra før.';
    expect(await screen.findByText(success)).toBeInTheDocument();
    expect(api.callsTo('POST', UPLOAD_ENDPOINT).map((call) => call.body)).toEqual([sealedFile]);

    await upload(JSON.stringify(sealedFile));
    await waitFor(() => expect(api.callsTo('POST', UPLOAD_ENDPOINT)).toHaveLength(2));
    expect(await screen.findByText(success)).toBeInTheDocument();
  });

  it('names a refused response with the server’s message', async () => {
    const bad = responses(3)[1]!.id;
    fakeApi({
      [`GET ${API}/me`]: { status: 200, body: me },
      [`POST ${UPLOAD_ENDPOINT}`]: { status: 200, body: { total: 3, stored: 2, refused: [{ responseId: bad, message: 'Noen svar passer ikke til spørreskjemaet.' }] } },
    });
    renderAt('/koordinator/opplasting');

    await upload(JSON.stringify(clearFile(3)));
    expect(await screen.findByText('2 av 3 svar er lagret eller var lagret fra før.')).toBeInTheDocument();
    expect(screen.getByText('1 svar ble avvist:')).toBeInTheDocument();
    expect(screen.getByText(/Noen svar passer ikke til spørreskjemaet/)).toHaveTextContent(bad.slice(0, 8));
  });

  it('says the upload stopped, with the server’s reason, and that uploading again is safe', async () => {
    fakeApi({
      [`GET ${API}/me`]: { status: 200, body: me },
      [`POST ${UPLOAD_ENDPOINT}`]: apiError(400, 'sealed-file-unreadable', 'Filen kan ikke åpnes. Lagre en ny kopi på nettbrettet.'),
    });
    renderAt('/koordinator/opplasting');

    await upload(JSON.stringify(sealedFile));
    expect(await screen.findByText(/Opplastingen stoppet: Filen kan ikke åpnes/)).toBeInTheDocument();
    expect(screen.getByText(/Du kan trygt laste opp den samme filen igjen/)).toBeInTheDocument();
  });

  it.each([
    ['not JSON at all', 'dette er ikke json', 'Filen kan ikke leses. Velg .json-filen som ble lagret på nettbrettet.'],
    ['another kind of file', JSON.stringify({ format: 'noe-annet', version: 1, responses: [] }), 'Dette er ikke en svarfil fra Min stemme teller.'],
    [
      'a damaged response',
      JSON.stringify({ ...clearFile(5), responses: clearFile(5).responses.map((r, i) => (i === 3 ? { ...r, id: 'ikke-en-uuid' } : r)) }),
      'Filen er skadet eller endret, så ingen svar ble sendt. Første feil: responses[3].id.',
    ],
  ])('refuses %s with a clear message and sends nothing', async (_, content, message) => {
    const api = fakeApi({ [`GET ${API}/me`]: { status: 200, body: me }, [`POST ${UPLOAD_ENDPOINT}`]: { status: 200, body: { total: 0, stored: 0, refused: [] } } });
    renderAt('/koordinator/opplasting');

    await upload(content);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(message));
    expect(api.callsTo('POST', UPLOAD_ENDPOINT)).toHaveLength(0);
  });
});
