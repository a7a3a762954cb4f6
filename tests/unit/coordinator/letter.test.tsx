// @vitest-environment jsdom
/**
 * The letter to relatives: the municipality's own threshold (not "fem"),
 * how long it takes, one survey for each person, letting the person answer
 * their own survey, a paper or phone alternative through a contact person
 * the coordinator types in — and, where nothing was typed, a marked line to
 * fill in by hand — and when results come; the same in nynorsk.
 */
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import i18next from '../../../src/coordinator/i18n.ts';
import { fakeApi, FIRST_RENDER, renderAt, resetApi, SOON } from './fakeApi.tsx';
import { API, me, round } from './fixtures.ts';

function open(threshold: number) {
  fakeApi({
    [`GET ${API}/me`]: { status: 200, body: { ...me, municipality: { ...me.municipality, anonymityThreshold: threshold } } },
    [`GET ${API}/rounds/3`]: { status: 200, body: round },
  });
  renderAt('/koordinator/runder/3/brev');
}

async function letter(): Promise<HTMLElement> {
  const title = await screen.findByRole('heading', { name: /Hva synes du om tjenestene\?|Kva synest du om tenestene\?/ }, FIRST_RENDER);
  const article = title.closest('article');
  if (!article) throw new Error('no letter');
  return article;
}

describe('the letter to relatives', { timeout: 30_000 }, () => {
  afterEach(async () => {
    resetApi();
    await i18next.changeLanguage('nb');
  });

  it('says everything a relative needs, with the real threshold and lines to fill in by hand', async () => {
    open(7);
    const text = (await letter()).textContent ?? '';
    expect(text).toContain('Vi i Eksempel kommune vil gjerne vite');
    expect(text).toContain('Det tar omtrent 10 minutter.');
    expect(text).toContain('Svar én gang for hver person.');
    expect(text).toContain('La personen svare det hun eller han mener selv.');
    expect(text).toContain('Vil du heller svare på papir eller på telefon');
    expect(text).toContain('grupper med minst 7 svar');
    expect(text).not.toMatch(/fem/);
    expect(text).not.toContain('Høsten 2026');
    expect(text).toMatch(/Resultatene blir klare etter 15\. oktober 2026\./);
    // Nothing typed: a marked blank for each contact field.
    expect(text).toContain('Kontaktperson: fylles ut for hånd');
    expect(text).toContain('Telefon: fylles ut for hånd');
  });

  it('prints the contact person and where results are shown as the coordinator types them, also in nynorsk', async () => {
    open(5);
    const user = userEvent.setup();
    await letter();
    await user.type(screen.getByRole('textbox', { name: 'Navn' }), 'Kari Nordmann');
    await user.type(screen.getByRole('textbox', { name: 'Telefon' }), '123 45 678');
    await user.type(screen.getByRole('textbox', { name: 'Hvor og når resultatene vises (valgfritt)' }), 'på kommunens nettside i januar');
    let article = await letter();
    expect(within(article).getByText('Kari Nordmann')).toBeInTheDocument();
    expect(within(article).getByText('123 45 678')).toBeInTheDocument();
    expect(article.textContent).toContain('E-post: fylles ut for hånd');
    expect(article.textContent).toContain('Resultatene blir vist på kommunens nettside i januar.');

    await user.click(screen.getByRole('radio', { name: 'Nynorsk' }));
    article = await screen.findByRole('heading', { name: 'Kva synest du om tenestene?' }, SOON).then(() => letter());
    expect(article).toHaveAttribute('lang', 'nn');
    expect(article.textContent).toContain('Det er friviljug å svare.');
    expect(article.textContent).toContain('Svar éin gong for kvar person.');
    expect(article.textContent).toContain('Kari Nordmann');
  });
});
