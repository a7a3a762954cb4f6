// @vitest-environment jsdom
/**
 * The helper's list of unfinished surveys says which were paused and which
 * were interrupted by a reload or a closed page (issue 20, found 7).
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../../src/app/i18n.ts';
import { DEFAULT_PROFILE, type SurveyDraft } from '../../../src/storage/db.ts';
import { PausedSurveys } from '../../../src/survey/PausedSurveys.tsx';

function draft(id: string, status: SurveyDraft['status'], pageNumber: number): SurveyDraft {
  return {
    id,
    roundCode: 'ABCD2345',
    questionnaireId: 'eksempel',
    questionnaireVersion: 1,
    audience: 'respondent',
    language: 'nb',
    unitId: null,
    profile: DEFAULT_PROFILE,
    answers: {},
    comments: {},
    answeredBy: null,
    pageKey: 'q:x',
    pageNumber,
    status,
    updatedAt: new Date().setHours(14, 2, 0, 0),
  };
}

describe('unfinished surveys on the helper screen', () => {
  afterEach(cleanup);

  it('does not call a survey interrupted by a reload "paused"', () => {
    render(<PausedSurveys drafts={[draft('a', 'paused', 17), draft('b', 'active', 4)]} onContinue={() => {}} onEnd={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Undersøkelser som ikke er ferdige' })).toBeInTheDocument();
    const labels = [...document.querySelectorAll('.paused-label')].map((label) => label.textContent);
    expect(labels).toEqual(['Pause 14:02, side 17', 'Avbrutt 14:02, side 4 (siden ble lukket eller lastet på nytt)']);
  });
});
