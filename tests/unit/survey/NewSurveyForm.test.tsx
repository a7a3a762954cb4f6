// @vitest-environment jsdom
/**
 * The helper's choices for a new respondent: every page is read aloud when
 * it opens unless the helper switches it off, as the municipalities' own
 * survey read every text aloud.
 */
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoundConfig } from '../../../src/shared/roundConfig.ts';
import { NewSurveyForm, type NewSurveyChoices } from '../../../src/survey/NewSurveyForm.tsx';
import { createTestServices, disposeServices, renderWithServices, type TestServices } from '../../support/renderSurvey.tsx';

const round = {
  code: 'ABCD2345',
  kind: 'tablet',
  municipality: { name: 'Eksempel kommune' },
  round: { name: 'Våren 2027', opensOn: '2027-03-01', closesOn: '2027-04-30', status: 'open' },
  units: [{ id: 1, name: 'Bofellesskapet Solsikken' }],
  questionnaires: [],
  sealingKey: null,
  media: [],
} satisfies RoundConfig;

describe('NewSurveyForm', { timeout: 30_000 }, () => {
  let services: TestServices;
  beforeEach(() => {
    services = createTestServices();
  });
  afterEach(async () => {
    cleanup();
    await disposeServices(services);
  });

  function show() {
    const onStart = vi.fn<(choices: NewSurveyChoices) => void>();
    renderWithServices(services, <NewSurveyForm round={round} languages={['nb', 'nn']} onStart={onStart} onCancel={vi.fn()} />);
    return onStart;
  }

  it('reads every page aloud by default', async () => {
    const user = userEvent.setup({ delay: null });
    const onStart = show();
    expect(screen.getByRole('switch', { name: 'Les opp hver side med en gang' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Start – gi nettbrettet til personen' }));
    expect(onStart).toHaveBeenCalledExactlyOnceWith({ language: 'nb', unitId: 1, profile: { autoRead: true, tapToHear: false, largeText: false } });
  });

  it('the helper can switch reading aloud off for this person', async () => {
    const user = userEvent.setup({ delay: null });
    const onStart = show();
    await user.click(screen.getByRole('switch', { name: 'Les opp hver side med en gang' }));
    await user.click(screen.getByRole('button', { name: 'Start – gi nettbrettet til personen' }));
    expect(onStart).toHaveBeenCalledExactlyOnceWith({ language: 'nb', unitId: 1, profile: { autoRead: false, tapToHear: false, largeText: false } });
  });
});
