// @vitest-environment jsdom
/**
 * The answer buttons as a respondent meets them: one named radio per answer,
 * the chosen one checked and marked, choosable by touch and by arrow keys,
 * and with tap-to-hear a first tap that reads the answer aloud instead of
 * choosing it.
 */
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Favourable } from '../../../src/shared/questionnaire.ts';
import { favourableValues } from '../../../src/shared/results/favourable.ts';
import { getScale, SCALE_IDS, type ScaleId } from '../../../src/shared/scales.ts';
import { AnswerButtons } from '../../../src/survey/AnswerButtons.tsx';
import { createTestServices, disposeServices, renderWithServices, spokenTexts, withServices, type TestServices } from '../../support/renderSurvey.tsx';

/** Holds the value like QuestionPage's parent does, so a choice shows. */
function Question({ scaleId, favourable = 'yes', tapToHear, onChange }: { scaleId: ScaleId; favourable?: Favourable; tapToHear: boolean; onChange: (value: string) => void }) {
  const [value, setValue] = useState<string | null>(null);
  return (
    <>
      <h1 id="q">Liker du å bo der du bor?</h1>
      <AnswerButtons
        scale={getScale(scaleId)}
        favourable={favourable}
        language="nb"
        value={value}
        tapToHear={tapToHear}
        labelledBy="q"
        onChange={(next) => {
          onChange(next);
          setValue(next);
        }}
      />
    </>
  );
}

function chosenMark(radio: HTMLElement) {
  const option = radio.closest('label');
  if (!option) throw new Error('radio outside its label');
  return within(option).queryByText('Valgt');
}

describe('AnswerButtons', { timeout: 30_000 }, () => {
  let services: TestServices;

  beforeEach(() => {
    services = createTestServices();
  });
  afterEach(async () => {
    cleanup();
    await disposeServices(services);
  });

  function setup(scaleId: ScaleId = 'ja-bade-nei', tapToHear = false, favourable: Favourable = 'yes') {
    const onChange = vi.fn<(value: string) => void>();
    renderWithServices(services, <Question scaleId={scaleId} favourable={favourable} tapToHear={tapToHear} onChange={onChange} />);
    return { onChange, user: userEvent.setup({ delay: null }) };
  }

  it('shows one named radio per answer in a group named by the question', () => {
    setup();
    expect(screen.getByRole('radiogroup', { name: 'Liker du å bo der du bor?' })).toBeInTheDocument();
    expect(screen.getAllByRole('radio').map((radio) => radio.getAttribute('aria-label'))).toEqual(['Ja', 'Både ja og nei', 'Nei']);
    for (const radio of screen.getAllByRole('radio')) {
      expect(radio).not.toBeChecked();
      expect(chosenMark(radio)).toBeNull();
    }
  });

  it('checks and marks the chosen answer, and lets the person change it', async () => {
    const { onChange, user } = setup();
    await user.click(screen.getByRole('radio', { name: 'Både ja og nei' }));
    expect(onChange).toHaveBeenLastCalledWith('bade');
    expect(screen.getByRole('radio', { name: 'Både ja og nei' })).toBeChecked();
    expect(chosenMark(screen.getByRole('radio', { name: 'Både ja og nei' }))).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Både ja og nei' }).closest('label')?.querySelector('svg.check-icon')).not.toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Nei' }));
    expect(onChange).toHaveBeenLastCalledWith('nei');
    expect(screen.getByRole('radio', { name: 'Nei' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Både ja og nei' })).not.toBeChecked();
    expect(chosenMark(screen.getByRole('radio', { name: 'Både ja og nei' }))).toBeNull();
    expect(screen.getAllByText('Valgt')).toHaveLength(1);
  });

  it('puts the radios back to the answer it is given when that answer was put back before the tap was rendered (a failed write)', async () => {
    const onChange = vi.fn<(value: string) => void>();
    const question = (revision: number) => (
      <>
        <h1 id="q">Liker du å bo der du bor?</h1>
        <AnswerButtons scale={getScale('ja-bade-nei')} favourable="yes" language="nb" value="ja" revision={revision} tapToHear={false} labelledBy="q" onChange={onChange} />
      </>
    );
    const { rerender } = renderWithServices(services, question(0));
    const user = userEvent.setup({ delay: null });
    expect(screen.getByRole('radio', { name: 'Ja' })).toBeChecked();

    // The browser checks the tapped radio itself, before the survey has stored or rendered anything.
    await user.click(screen.getByRole('radio', { name: 'Nei' }));
    expect(onChange).toHaveBeenCalledExactlyOnceWith('nei');
    expect(screen.getByRole('radio', { name: 'Nei' })).toBeChecked();
    // Tapping the answer already shown chooses nothing again.
    await user.click(screen.getByRole('radio', { name: 'Nei' }));
    expect(onChange).toHaveBeenCalledTimes(1);

    // The survey says "Ja" is what is stored: the same value as before, a new revision.
    rerender(withServices(services, question(1)));
    expect(screen.getByRole('radio', { name: 'Ja' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Nei' })).not.toBeChecked();
  });

  it('moves between answers with the arrow keys', async () => {
    const { onChange, user } = setup();
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Ja' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Både ja og nei' })).toHaveFocus();
    expect(screen.getByRole('radio', { name: 'Både ja og nei' })).toBeChecked();
    expect(onChange).toHaveBeenLastCalledWith('bade');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Nei' })).toHaveFocus();
    expect(onChange).toHaveBeenLastCalledWith('nei');
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('radio', { name: 'Både ja og nei' })).toHaveFocus();
    expect(screen.getByRole('radio', { name: 'Både ja og nei' })).toBeChecked();
  });

  it('with tap-to-hear, reads an answer aloud on the first tap and chooses it on the second', async () => {
    const { onChange, user } = setup('ja-bade-nei', true);
    await user.click(screen.getByRole('radio', { name: 'Nei' }));
    expect(spokenTexts(services.readAloud)).toEqual([['Nei']]);
    expect(services.synth.spoken).toEqual(['Nei']);
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('radio', { name: 'Nei' })).not.toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('Trykk en gang til for å velge');

    await user.click(screen.getByRole('radio', { name: 'Nei' }));
    expect(onChange).toHaveBeenCalledExactlyOnceWith('nei');
    expect(screen.getByRole('radio', { name: 'Nei' })).toBeChecked();
    expect(services.readAloud.speak).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('with tap-to-hear, tapping another answer reads that one instead of choosing the first', async () => {
    const { onChange, user } = setup('ja-bade-nei', true);
    await user.click(screen.getByRole('radio', { name: 'Ja' }));
    await user.click(screen.getByRole('radio', { name: 'Både ja og nei' }));
    expect(spokenTexts(services.readAloud)).toEqual([['Ja'], ['Både ja og nei']]);
    expect(onChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('radio', { name: 'Både ja og nei' }));
    expect(onChange).toHaveBeenCalledExactlyOnceWith('bade');
  });

  it('shows the graded scale 1–6 with "Vet ikke" as seven answers', () => {
    setup('grad-1-6');
    const names = screen.getAllByRole('radio').map((radio) => radio.getAttribute('aria-label'));
    expect(names).toEqual(['1 – Helt uenig', '2', '3', '4', '5', '6 – Helt enig', 'Vet ikke / ikke aktuelt']);
    expect(screen.getByRole('radiogroup')).toHaveClass('answers-graded');
  });

  /** The symbol each answer shows, by its name. */
  function symbols(): Record<string, string | null> {
    return Object.fromEntries(screen.getAllByRole('radio').map((radio) => [radio.getAttribute('aria-label'), radio.closest('label')?.querySelector('svg.answer-icon')?.getAttribute('data-symbol') ?? null]));
  }
  const isFace = (symbol: string | null) => symbol === 'smile' || symbol === 'straight' || symbol === 'frown';

  it('smiles at Ja and frowns at Nei only where Ja is the good answer', () => {
    setup('ja-bade-nei', false, 'yes');
    expect(symbols()).toEqual({ Ja: 'smile', 'Både ja og nei': 'straight', Nei: 'frown' });
  });

  it('on a reversed question ("Blir du ofte redd?") shows no happy face on Ja, and no faces or good/bad colours at all', () => {
    setup('ja-bade-nei', false, 'no');
    expect(symbols()).toEqual({ Ja: 'yes', 'Både ja og nei': 'middle', Nei: 'no' });
    for (const radio of screen.getAllByRole('radio')) {
      expect(radio.closest('label')).toHaveClass('tone-plain');
      expect(radio.closest('label')).not.toHaveClass('tone-positive');
    }
  });

  it('on a factual question ("Tar du medisiner?") shows neutral marks, no faces', () => {
    setup('ja-nei', false, 'none');
    expect(symbols()).toEqual({ Ja: 'yes', Nei: 'no' });
  });

  it.each(SCALE_IDS.flatMap((scaleId) => (['yes', 'no', 'none'] as const).map((favourable) => [scaleId, favourable] as const)))(
    'never puts a smile on an answer that is not favourable (%s, favourable %s)',
    (scaleId, favourable) => {
      setup(scaleId, false, favourable);
      const good = favourableValues({ scale: scaleId, favourable, kind: favourable === 'none' ? 'factual' : 'opinion' }) ?? new Set<string>();
      for (const option of getScale(scaleId).options) {
        const symbol = symbols()[option.label.nb!] ?? null;
        if (symbol === 'smile') expect(good.has(option.value), `${option.value} smiles`).toBe(true);
        if (favourable !== 'yes') expect(isFace(symbol), `${option.value} shows a face`).toBe(false);
      }
    },
  );
});
