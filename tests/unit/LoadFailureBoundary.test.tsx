// @vitest-environment jsdom
/**
 * A part of the app that cannot be fetched or shown leaves a notice in
 * plain words and a way to try again, never an empty page: the person (a
 * relative on a phone that lost coverage, a helper on a tablet) is told
 * that the answers already given are kept, and "Prøv igjen" loads the
 * page again.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../src/app/i18n.ts';
import { LoadFailureBoundary } from '../../src/app/LoadFailureBoundary.tsx';

/** A screen whose chunk cannot be fetched, with Chromium's words for it. */
const Unreachable = lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: https://kommune.no/assets/SurveyRunner-x1.js')));

function Broken(): never {
  throw new Error('Cannot read properties of undefined');
}

describe('LoadFailureBoundary', { timeout: 30_000 }, () => {
  afterEach(async () => {
    cleanup();
    vi.restoreAllMocks();
    await i18n.changeLanguage('nb');
  });

  it('says a screen could not be fetched, that answers are kept, and loads the page again on "Prøv igjen"', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const retry = vi.fn();
    render(
      <LoadFailureBoundary answersKept onRetry={retry}>
        <p>Startsiden</p>
        <Suspense fallback={null}>
          <Unreachable />
        </Suspense>
      </LoadFailureBoundary>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Siden kunne ikke vises');
    expect(alert).toHaveTextContent('Det skjer oftest når nettet faller ut.');
    expect(alert).toHaveTextContent('Svar som allerede er gitt, er lagret på enheten.');
    expect(screen.queryByText('Startsiden')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Prøv igjen' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('words an error while showing a page as such, in nynorsk too, and says nothing of answers on the coordinator pages', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await i18n.changeLanguage('nn');
    render(
      <LoadFailureBoundary answersKept={false} onRetry={() => undefined}>
        <Broken />
      </LoadFailureBoundary>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sida kunne ikkje visast');
    expect(alert).toHaveTextContent('Noko gjekk gale på denne sida.');
    expect(alert).not.toHaveTextContent('lagra på eininga');
    expect(screen.getByRole('button', { name: 'Prøv igjen' })).toBeInTheDocument();
  });

  it('shows its children while nothing fails', () => {
    render(
      <LoadFailureBoundary answersKept>
        <p>Startsiden</p>
      </LoadFailureBoundary>,
    );
    expect(screen.getByText('Startsiden')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
