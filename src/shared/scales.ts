/**
 * Answer scales, defined once for every questionnaire. Each option has a
 * label in every supported language and a score (0–100) for aggregation;
 * a null score means the option is excluded from scores ("vet ikke").
 * A questionnaire only names a scale by id.
 */

/** Visual tone of an answer button: drives icon and colour, never alone. */
export type Tone = 'positive' | 'neutral' | 'negative' | 'none';

export interface ScaleOption {
  readonly value: string;
  readonly label: Readonly<Record<string, string>>;
  readonly score: number | null;
  readonly tone: Tone;
}

export interface Scale {
  readonly id: string;
  /** Nominal scales (e.g. relation to the person) are never scored. */
  readonly scored: boolean;
  readonly options: readonly ScaleOption[];
}

const ja: ScaleOption = { value: 'ja', label: { nb: 'Ja', nn: 'Ja', en: 'Yes' }, score: 100, tone: 'positive' };
const nei: ScaleOption = { value: 'nei', label: { nb: 'Nei', nn: 'Nei', en: 'No' }, score: 0, tone: 'negative' };

function graded(value: number, nb: string, nn: string, en: string): ScaleOption {
  const score = Math.round(((value - 1) / 5) * 1000) / 10;
  const tone: Tone = value >= 5 ? 'positive' : value <= 2 ? 'negative' : 'neutral';
  return { value: String(value), label: { nb, nn, en }, score, tone };
}

function nominal(value: string, nb: string, nn: string, en: string): ScaleOption {
  return { value, label: { nb, nn, en }, score: null, tone: 'none' };
}

export const SCALES = {
  'ja-bade-nei': {
    id: 'ja-bade-nei',
    scored: true,
    options: [
      ja,
      { value: 'bade', label: { nb: 'Både ja og nei', nn: 'Både ja og nei', en: 'Both yes and no' }, score: 50, tone: 'neutral' },
      nei,
    ],
  },
  'ja-nei': { id: 'ja-nei', scored: true, options: [ja, nei] },
  'ja-avogtil-nei': {
    id: 'ja-avogtil-nei',
    scored: true,
    options: [
      ja,
      { value: 'avogtil', label: { nb: 'Av og til', nn: 'Av og til', en: 'Sometimes' }, score: 50, tone: 'neutral' },
      nei,
    ],
  },
  'grad-1-6': {
    id: 'grad-1-6',
    scored: true,
    options: [
      graded(1, '1 – Helt uenig', '1 – Heilt usamd', '1 – Strongly disagree'),
      graded(2, '2', '2', '2'),
      graded(3, '3', '3', '3'),
      graded(4, '4', '4', '4'),
      graded(5, '5', '5', '5'),
      graded(6, '6 – Helt enig', '6 – Heilt samd', '6 – Strongly agree'),
      { value: 'vet-ikke', label: { nb: 'Vet ikke / ikke aktuelt', nn: 'Veit ikkje / ikkje aktuelt', en: "Don't know / not applicable" }, score: null, tone: 'none' },
    ],
  },
  relasjon: {
    id: 'relasjon',
    scored: false,
    options: [
      nominal('forelder', 'Forelder', 'Forelder', 'Parent'),
      nominal('sosken', 'Søsken', 'Sysken', 'Sibling'),
      nominal('annen-parorende', 'Annen pårørende', 'Annan pårørande', 'Other relative'),
      nominal('verge', 'Verge', 'Verje', 'Guardian'),
      nominal('annet', 'Annet', 'Anna', 'Other'),
    ],
  },
} as const satisfies Record<string, Scale>;

export type ScaleId = keyof typeof SCALES;
export const SCALE_IDS = Object.keys(SCALES) as [ScaleId, ...ScaleId[]];

export function getScale(id: ScaleId): Scale {
  return SCALES[id];
}

export function scaleValues(id: ScaleId): string[] {
  return getScale(id).options.map((option) => option.value);
}
