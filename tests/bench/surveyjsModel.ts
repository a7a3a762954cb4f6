/**
 * Converts one of our questionnaires to a SurveyJS JSON: Eir's intro pages
 * as text pages with their picture, then one page per question (its
 * picture as an "image" element and a radiogroup with the scale's bokmål
 * labels), the same conditions as visibleIf, and our navigation words.
 */
import type { Page, Questionnaire } from '../../src/shared/questionnaire.ts';
import { getScale } from '../../src/shared/scales.ts';

type Json = Record<string, unknown>;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function image(name: string, illustration: Page['illustration'], lang: string): Json {
  return {
    type: 'image',
    name,
    imageLink: `/${illustration.file}`,
    altText: illustration.alt[lang],
    imageFit: 'contain',
    imageHeight: '240px',
    imageWidth: '320px',
  };
}

function textPage(prefix: string, page: Page, lang: string): Json {
  return {
    name: `${prefix}-${page.id}`,
    title: page.title?.[lang],
    elements: [
      image(`${prefix}-${page.id}-bilde`, page.illustration, lang),
      { type: 'html', name: `${prefix}-${page.id}-tekst`, html: `<p>${escapeHtml(page.text[lang] ?? '')}</p>` },
    ],
  };
}

export function toSurveyJs(q: Questionnaire, lang = 'nb'): Json {
  const sections = new Map(q.sections.map((s) => [s.id, s]));
  const questionPages = q.questions.map((question) => {
    const condition = question.condition;
    const visibleIf = condition ? `{${condition.question}} anyof [${condition.answerIn.map((v) => `'${v}'`).join(', ')}]` : undefined;
    return {
      name: `side-${question.id}`,
      title: sections.get(question.section)?.title[lang],
      ...(visibleIf ? { visibleIf } : {}),
      elements: [
        image(`${question.id}-bilde`, question.illustration, lang),
        {
          type: 'radiogroup',
          name: question.id,
          title: question.text[lang],
          choices: getScale(question.scale).options.map((option) => ({ value: option.value, text: option.label[lang] ?? option.value })),
          colCount: 1,
        },
      ],
    };
  });
  return {
    title: q.title[lang],
    locale: 'no',
    showQuestionNumbers: 'off',
    showProgressBar: true,
    progressBarLocation: 'top',
    progressBarType: 'pages',
    pageNextText: 'Gå til neste',
    pagePrevText: 'Tilbake',
    completeText: 'Ferdig',
    completedHtml: `<h3>${escapeHtml(q.end.title?.[lang] ?? '')}</h3><p>${escapeHtml(q.end.text[lang] ?? '')}</p>`,
    pages: [...q.intro.map((page) => textPage('intro', page, lang)), ...questionPages],
  };
}
