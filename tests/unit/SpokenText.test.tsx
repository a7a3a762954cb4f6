// @vitest-environment jsdom
/**
 * SpokenText follows the real read-aloud controller (driven by a fake speech
 * engine): it marks the sentence and word being read and never changes the
 * text itself.
 */
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createReadAloud } from '../../src/survey/readAloud.ts';
import type { SpeechSynthesisLike, UtteranceLike, VoiceLike } from '../../src/survey/readAloud.ts';
import { SpokenText } from '../../src/survey/SpokenText.tsx';
import { ReadAloudContext } from '../../src/survey/useReadAloud.ts';

class FakeUtterance extends EventTarget implements UtteranceLike {
  lang = '';
  voice: VoiceLike | null = null;
  constructor(public text: string) {
    super();
  }
}

class FakeSynth implements SpeechSynthesisLike {
  current: FakeUtterance | null = null;
  speak(utterance: UtteranceLike): void {
    if (utterance instanceof FakeUtterance) this.current = utterance;
  }
  cancel(): void {
    this.current = null;
  }
  getVoices(): readonly VoiceLike[] {
    return [{ name: 'Nora', lang: 'nb-NO' }];
  }
  addEventListener(): void {}
  removeEventListener(): void {}
  emit(event: Event): void {
    this.current?.dispatchEvent(event);
  }
}

const TEXT = 'Hei! Jeg heter Eir.  Vil du svare?';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });
}

function setup() {
  const synth = new FakeSynth();
  const controller = createReadAloud({ synth, Utterance: FakeUtterance });
  const view = render(
    <ReadAloudContext value={controller}>
      <SpokenText id="intro" text={TEXT} as="h1" className="title" />
      <SpokenText id="other" text="Annen tekst." />
    </ReadAloudContext>,
  );
  const heading = view.container.querySelector('h1');
  if (!heading) throw new Error('no heading');
  return { synth, controller, view, heading };
}

afterEach(cleanup);

describe('SpokenText', () => {
  it('renders the text as sentences in the chosen element', () => {
    const { heading, view } = setup();
    expect(heading.textContent).toBe(TEXT);
    expect(heading.className).toBe('title');
    expect([...heading.querySelectorAll('span')].map((s) => s.textContent)).toEqual(['Hei!', 'Jeg heter Eir.', 'Vil du svare?']);
    expect(view.container.querySelector('[data-reading]')).toBeNull();
    expect(view.container.querySelector('p')?.textContent).toBe('Annen tekst.');
  });

  it('highlights the sentence and word being read, without changing the text', async () => {
    const { synth, controller, heading, view } = setup();
    void controller.speak([{ id: 'intro', text: TEXT, lang: 'nb' }]);
    await settle();
    await act(async () => {
      synth.emit(new Event('end'));
    });
    await settle();

    const sentence = heading.querySelector('[data-reading="true"]');
    expect(sentence?.textContent).toBe('Jeg heter Eir.');
    expect(sentence?.className).toBe('spoken-sentence');
    expect(heading.querySelector('mark')).toBeNull();

    act(() => {
      synth.emit(Object.assign(new Event('boundary'), { name: 'word', charIndex: 4, charLength: 5 }));
    });
    const mark = heading.querySelector('mark.spoken-word');
    expect(mark?.textContent).toBe('heter');
    expect(mark?.parentElement).toBe(sentence);
    expect(heading.textContent).toBe(TEXT);
    expect(heading.querySelectorAll('[data-reading]')).toHaveLength(1);
    expect(view.container.querySelector('p [data-reading]')).toBeNull();

    act(() => {
      controller.cancel();
    });
    expect(heading.querySelector('[data-reading]')).toBeNull();
    expect(heading.querySelector('mark')).toBeNull();
    expect(heading.textContent).toBe(TEXT);
  });

  it('renders plain text when no controller is provided', () => {
    const view = render(<SpokenText id="x" text="Hei. Ha det." as="span" />);
    expect(view.container.textContent).toBe('Hei. Ha det.');
  });
});
