/**
 * The stable keys of the texts a respondent can hear (spokenTexts.ts lists
 * the texts): a recorded voice is stored per key and language. A module of
 * its own so the helper screen can ask whether a question has a recording
 * without loading the scales.
 */
export const NAV_HELP_KEY = 'help:navigation';
export const pageTitleKey = (pageId: string) => `page:${pageId}:title`;
export const pageTextKey = (pageId: string) => `page:${pageId}:text`;
export const questionKey = (questionId: string) => `question:${questionId}`;
export const optionKey = (scaleId: string, value: string) => `option:${scaleId}:${value}`;

export const mediaKey = /^(page:[a-z0-9-]+:(title|text)|question:[a-z0-9-]+|option:[a-z0-9-]+:[a-z0-9-]+|help:navigation)$/;
