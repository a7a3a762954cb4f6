// @vitest-environment jsdom
/**
 * Emergency upload of a tablet's file: 120 responses go to the tablets'
 * endpoint in 3 batches (50, 50, 20); uploading the same file again says
 * the same; a refused response is named with the server's message while
 * the rest of its batch is stored; a file that is not a valid response
 * file is refused with a clear message and nothing is sent.
 */
import '@testing-library/jest-dom/vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, exportFileSchema, type ExportFile } from '../../../src/shared/exportFile.ts';
import { MAX_BATCH, syncPayloadSchema, type SurveyResponse } from '../../../src/shared/response.ts';
import { apiError, fakeApi, FIRST_RENDER, renderAt, resetApi, type Call, type FakeApi, type Reply } from './fakeApi.tsx';
import { API, me } from './fixtures.ts';

const ENDPOINT = '/api/v1/responses';

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

function exportFile(count: number): ExportFile {
  return exportFileSchema.parse({ format: EXPORT_FORMAT, version: 1, exportedOn: '2026-09-15', responses: responses(count) });
}

/** The endpoint as the server behaves: idempotent, acknowledging every id of a valid batch. */
function acknowledge(call: Call): Reply {
  const payload = syncPayloadSchema.parse(call.body);
  return { status: 200, body: { acknowledged: payload.responses.map((response) => response.id) } };
}

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

  function batchSizes(api: FakeApi): number[] {
    return api.callsTo('POST', ENDPOINT).map((call) => syncPayloadSchema.parse(call.body).responses.length);
  }

  it('sends 120 responses in 3 batches, and a second upload of the same file says the same', async () => {
    const api = fakeApi({ [`GET ${API}/me`]: { status: 200, body: me }, [`POST ${ENDPOINT}`]: acknowledge });
    renderAt('/koordinator/opplasting');
    const file = JSON.stringify(exportFile(120));

    await upload(file);
    const success = '120 av 120 svar er lagret eller var lagret fra før.';
    expect(await screen.findByText(success)).toBeInTheDocument();
    expect(batchSizes(api)).toEqual([MAX_BATCH, MAX_BATCH, 20]);
    expect(api.callsTo('POST', ENDPOINT)[0]?.url).toBe(ENDPOINT);

    await upload(file);
    await waitFor(() => expect(batchSizes(api)).toHaveLength(6));
    expect(await screen.findByText(success)).toBeInTheDocument();
  });

  it('names a refused response with the server’s message and stores the rest of its batch', async () => {
    const bad = responses(3)[1]!.id;
    const api = fakeApi({
      [`GET ${API}/me`]: { status: 200, body: me },
      [`POST ${ENDPOINT}`]: (call) => {
        const payload = syncPayloadSchema.parse(call.body);
        if (payload.responses.some((response) => response.id === bad)) {
          return apiError(400, 'invalid-answers', 'Noen svar passer ikke til spørreskjemaet, så ingenting ble lagret.', { responseId: bad });
        }
        return acknowledge(call);
      },
    });
    renderAt('/koordinator/opplasting');

    await upload(JSON.stringify(exportFile(3)));
    expect(await screen.findByText('2 av 3 svar er lagret eller var lagret fra før.')).toBeInTheDocument();
    expect(screen.getByText('1 svar ble avvist:')).toBeInTheDocument();
    expect(screen.getByText(/Noen svar passer ikke til spørreskjemaet/)).toHaveTextContent(bad.slice(0, 8));
    expect(batchSizes(api)).toEqual([3, 2]);
  });

  it.each([
    ['not JSON at all', 'dette er ikke json', 'Filen kan ikke leses. Velg .json-filen som ble lagret på nettbrettet.'],
    ['another kind of file', JSON.stringify({ format: 'noe-annet', version: 1, responses: [] }), 'Dette er ikke en svarfil fra Min stemme teller.'],
    [
      'a damaged response',
      JSON.stringify({ ...exportFile(5), responses: exportFile(5).responses.map((r, i) => (i === 3 ? { ...r, id: 'ikke-en-uuid' } : r)) }),
      'Filen er skadet eller endret, så ingen svar ble sendt. Første feil: responses[3].id.',
    ],
  ])('refuses %s with a clear message and sends nothing', async (_, content, message) => {
    const api = fakeApi({ [`GET ${API}/me`]: { status: 200, body: me }, [`POST ${ENDPOINT}`]: acknowledge });
    renderAt('/koordinator/opplasting');

    await upload(content);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(message));
    expect(api.callsTo('POST', ENDPOINT)).toHaveLength(0);
  });
});
