// @vitest-environment jsdom
/**
 * The helper's start screen: a warning that arrives after the screen shows
 * (no Norwegian voice on this device, found when the voices are listed)
 * appears below the start button and below the new-survey form, never
 * above them, so it cannot move them under a finger that is about to tap.
 */
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredRound } from '../../../src/storage/db.ts';
import { HelperHome } from '../../../src/survey/HelperHome.tsx';
import { tabletRoundConfig } from '../../support/fixtures.ts';
import { createTestServices, disposeServices, renderWithServices, type TestServices } from '../../support/renderSurvey.tsx';

const isAbove = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

describe('HelperHome', { timeout: 30_000 }, () => {
  let services: TestServices;

  beforeEach(() => {
    services = createTestServices();
    // This device has no Norwegian voice: the warning comes once the voices have been asked for.
    services.synth.getVoices = () => [];
  });
  afterEach(async () => {
    cleanup();
    await disposeServices(services);
  });

  it('shows a late "no voice" warning below the start button and the new-survey form', async () => {
    const config = tabletRoundConfig();
    const round: StoredRound = { code: config.code, config: { ...config, media: [] }, fetchedAt: Date.now() };
    const questionnaire = config.questionnaires.find((q) => q.audience === 'respondent')!;
    renderWithServices(
      services,
      <HelperHome round={round} questionnaire={questionnaire} notice={null} onStart={() => {}} onContinue={() => {}} onChangeRound={() => {}} />,
    );
    const start = screen.getByRole('button', { name: 'Start ny undersøkelse' });
    const warning = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(isAbove(start, warning)).toBe(true);

    await userEvent.setup().click(start);
    // The form is a lazy chunk: on a loaded machine its first import can take seconds.
    const firstChoice = (await screen.findAllByRole('radio', {}, { timeout: 20_000 }))[0]!;
    expect(isAbove(firstChoice, screen.getByRole('alert'))).toBe(true);
  });
});
