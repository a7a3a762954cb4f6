/** Pure helpers for the media page: texts grouped as the respondent meets them, coverage, and a list after one file changed. */
import type { MediaFile, MediaItem, MediaKind, MediaList, SpokenKind } from './mediaApi.ts';
import { SPOKEN_KINDS } from './mediaApi.ts';

export interface MediaGroup {
  readonly kind: SpokenKind;
  readonly items: readonly MediaItem[];
}

/** Intro and end pages, questions, answer options, help: each group in the server's order, empty groups left out. */
export function groupTexts(items: readonly MediaItem[]): MediaGroup[] {
  return SPOKEN_KINDS.map((kind) => ({ kind, items: items.filter((item) => item.kind === kind) })).filter((group) => group.items.length > 0);
}

/** Texts without a voice the tablets play: none recorded, or one recorded for words the text no longer has. */
export const missingVoice = (list: MediaList): MediaItem[] => list.items.filter((item) => item.audio === null || item.audio.outdated);

/** The list after one file was stored (`file`) or deleted (null), with the coverage counted again. */
export function withMedia(list: MediaList, key: string, kind: MediaKind, file: MediaFile | null): MediaList {
  const items = list.items.map((item) => (item.key === key ? { ...item, [kind]: file } : item));
  return { items, coverage: { recorded: items.filter((item) => item.audio !== null && !item.audio.outdated).length, total: items.length } };
}
