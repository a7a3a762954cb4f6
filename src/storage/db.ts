/**
 * The device's own database (IndexedDB through Dexie). It holds the round
 * this tablet is set up for, surveys in progress (every tap), and finished
 * responses waiting in the outbox until the server acknowledges them.
 * Nothing here names a person; the device-local times only label paused
 * surveys for the helper and are never sent.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { AnsweredBy, SurveyResponse } from '../shared/response.ts';
import type { RoundConfig } from '../shared/roundConfig.ts';

export interface StoredRound {
  /** The code the round was fetched with (tablet or relatives' code). */
  readonly code: string;
  readonly config: RoundConfig;
  readonly fetchedAt: number;
}

export interface PresentationProfile {
  /** Read every page aloud when it shows. */
  readonly autoRead: boolean;
  /** First tap on an answer reads it aloud, a second tap chooses it. */
  readonly tapToHear: boolean;
  readonly largeText: boolean;
}

export const DEFAULT_PROFILE: PresentationProfile = { autoRead: false, tapToHear: false, largeText: false };

export interface SurveyDraft {
  /** The response id, made at the first tap. */
  readonly id: string;
  readonly roundCode: string;
  readonly questionnaireId: string;
  readonly questionnaireVersion: number;
  readonly audience: SurveyResponse['audience'];
  readonly language: string;
  readonly unitId: number | null;
  readonly profile: PresentationProfile;
  readonly answers: Record<string, string | null>;
  readonly comments: Record<string, string>;
  readonly answeredBy: AnsweredBy | null;
  /** Key of the page the person is on, so a reload resumes there. */
  readonly pageKey: string;
  /** 1-based page number at the last save, for the helper's label. */
  readonly pageNumber: number;
  readonly status: 'active' | 'paused';
  /** Device-local clock, only to label a paused survey ("Pause 14:02"). */
  readonly updatedAt: number;
}

export interface OutboxEntry {
  readonly id: string;
  readonly response: SurveyResponse;
  /** queued: will be sent; rejected: the server refused it (4xx), shown to the helper. */
  readonly state: 'queued' | 'rejected';
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError: string | null;
}

export interface Setting {
  readonly key: string;
  readonly value: unknown;
}

export type SurveyDatabase = Dexie & {
  rounds: EntityTable<StoredRound, 'code'>;
  drafts: EntityTable<SurveyDraft, 'id'>;
  outbox: EntityTable<OutboxEntry, 'id'>;
  settings: EntityTable<Setting, 'key'>;
};

export function openSurveyDatabase(name = 'min-stemme-teller'): SurveyDatabase {
  // Strict durability: a committed answer survives a power cut, not only a crash.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as SurveyDatabase;
  db.version(1).stores({
    rounds: 'code',
    drafts: 'id, status, roundCode',
    outbox: 'id, state, nextAttemptAt',
    settings: 'key',
  });
  return db;
}
