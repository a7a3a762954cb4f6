// @vitest-environment jsdom
/**
 * What the helper and the relative are told about delivery is true: a
 * refused response is never "sent", an old failure disappears once a later
 * attempt succeeds, no contact, a server error and a Wi-Fi log-in page are
 * told apart with the next attempt, a refused response can be sent again,
 * and a relative who reopens the link sees the waiting answers and is asked
 * before a second survey. The real sync client sends through a fake fetch.
 */
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RelativeApp } from '../../../src/app/RelativeApp.tsx';
import { FinishedDelivery } from '../../../src/app/RelativeDelivery.tsx';
import type { SurveyResponse } from '../../../src/shared/response.ts';
import type { RoundConfig } from '../../../src/shared/roundConfig.ts';
import { OutboxStatus } from '../../../src/survey/OutboxStatus.tsx';
import { fixtureQuestionnaires } from '../../support/fixtures.ts';
import { createTestServices, disposeServices, renderWithServices, type TestServices } from '../../support/renderSurvey.tsx';

const CODE = 'PARO2345';
const ID = '00000000-0000-4000-8000-000000000001';

function response(overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    id: ID,
    questionnaireId: 'eksempel-parorende',
    questionnaireVersion: 1,
    audience: 'relative',
    language: 'nb',
    roundCode: CODE,
    unitId: null,
    answeredBy: null,
    answers: {},
    comments: {},
    completion: 'finished',
    completedOn: '2026-11-22',
    ...overrides,
  };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refuse = () => json(400, { error: { code: 'date-in-future', message: 'Datoen for svaret ligger fram i tid.', responseId: ID } });
const accept = (_url: unknown, init?: RequestInit) =>
  json(200, { acknowledged: (JSON.parse(String(init?.body)).responses as SurveyResponse[]).map((r) => r.id) });

describe('delivery status on the helper screen and the relatives’ page', () => {
  let services: TestServices;
  afterEach(async () => {
    cleanup();
    vi.unstubAllGlobals();
    await disposeServices(services);
  });

  async function queue(entry: Partial<SurveyResponse> = {}) {
    await services.db.outbox.put({ id: ID, response: response(entry), state: 'queued', attempts: 0, nextAttemptAt: 0, lastError: null });
  }

  it('never says "Alt er sendt" beside a refused response, and sends it again with "Prøv igjen"', async () => {
    let answer: typeof accept = refuse;
    services = createTestServices({ fetch: vi.fn(async (url: unknown, init?: RequestInit) => answer(url, init)) as unknown as typeof fetch });
    await queue();
    expect(await services.sync.syncNow()).toBe('rejected');
    renderWithServices(services, <OutboxStatus />);

    await screen.findByText('Serveren tok ikke imot et svar: Datoen for svaret ligger fram i tid.');
    expect(screen.queryByText(/Alt er sendt/)).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Ingen svar venter på å bli sendt.');

    answer = accept;
    await userEvent.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Alt er sendt'));
    expect(screen.queryByText(/tok ikke imot/)).toBeNull();
    expect(await services.db.outbox.count()).toBe(0);
  }, 20_000);

  it('shows why the last attempt failed and when the next one is, and forgets it once an automatic retry succeeds', async () => {
    let answer: () => Promise<Response> = () => Promise.reject(new TypeError('Failed to fetch'));
    services = createTestServices({ fetch: vi.fn(async () => answer()) as unknown as typeof fetch });
    await queue();
    await services.sync.syncNow();
    renderWithServices(services, <OutboxStatus />);
    await screen.findByText(/Ingen kontakt med serveren\. Svarene er trygge på nettbrettet\. Prøver igjen om \d+ sekunder\./);

    answer = () => Promise.resolve(new Response('<html>Logg inn på gjestenett</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    await services.sync.syncNow({ includeWaiting: true });
    await screen.findByText(/påloggingsside for trådløst nett/);
    expect(screen.queryByText(/Ingen kontakt/)).toBeNull();

    answer = () => Promise.resolve(json(500, { error: { code: 'internal', message: 'Feil' } }));
    await services.sync.syncNow({ includeWaiting: true });
    await screen.findByText(/Serveren hadde en feil/);

    answer = () => Promise.resolve(accept(null, { body: JSON.stringify({ responses: [response()] }) }));
    await services.sync.syncNow({ includeWaiting: true });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Alt er sendt'));
    expect(screen.queryByText(/Serveren hadde en feil|Prøver igjen/)).toBeNull();
  }, 20_000);

  it('never tells a relative "Svarene dine er sendt" for a refused response', async () => {
    services = createTestServices({ fetch: vi.fn(async () => refuse()) as unknown as typeof fetch });
    await queue();
    await services.sync.syncNow();
    renderWithServices(services, <FinishedDelivery responseId={ID} roundCode={CODE} />);
    await screen.findByText('Svarene er ikke tatt imot. Se meldingen under.');
    await screen.findByText('Serveren tok ikke imot et svar: Datoen for svaret ligger fram i tid.');
    expect(screen.queryByText(/Svarene dine er sendt/)).toBeNull();
    // A relative's phone offers no emergency file: that is for the coordinator's tablets.
    expect(screen.queryByRole('button', { name: 'Lagre kopi til fil' })).toBeNull();
  }, 20_000);

  it('tells a relative honestly that waiting answers are sent only while the page is open', async () => {
    services = createTestServices({ fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch });
    await queue();
    await services.sync.syncNow();
    renderWithServices(services, <FinishedDelivery responseId={ID} roundCode={CODE} />);
    await screen.findByText(/ikke sendt ennå\. De blir sendt når telefonen har nett og denne siden er åpen/);
    expect(screen.queryByText(/Du kan lukke siden/)).toBeNull();
    await screen.findByText(/Ingen kontakt med serveren\. Svarene er trygge på telefonen\./);
  }, 20_000);

  it('shows a relative who reopens the link that answers are waiting, and asks before starting a second survey', async () => {
    const questionnaire = fixtureQuestionnaires().find((q) => q.id === 'eksempel-parorende')!;
    const config: RoundConfig = {
      code: CODE,
      kind: 'relative',
      municipality: { name: 'Testkommune' },
      round: { name: 'Runde 2026', opensOn: '2026-01-01', closesOn: '2026-12-31', status: 'open' },
      units: [],
      questionnaires: [questionnaire],
      sealingKey: null,
      media: [],
    };
    // The phone is offline: the round comes from the phone's own database.
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    services = createTestServices({ fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch });
    await services.db.rounds.put({ code: CODE, config, fetchedAt: Date.now() });
    await queue();
    const user = userEvent.setup();
    renderWithServices(services, <RelativeApp code={CODE} />);

    await screen.findByText('Svar du har gitt på denne telefonen, er ikke sendt ennå. De blir sendt nå.');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 svar venter på å bli sendt'));
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(await services.db.drafts.count()).toBe(0);
    expect(screen.getByText('Svar bare én gang for hver person. Er dette for en annen person?')).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Avbryt' }));
    expect(screen.getByRole('button', { name: 'Start' })).toBeInTheDocument();
    expect(await services.db.drafts.count()).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Start' }));
    await user.click(screen.getByRole('button', { name: 'Ja, svar for en annen person' }));
    await waitFor(async () => expect(await services.db.drafts.count()).toBe(1));
  }, 30_000);
});
