/**
 * What survey components need from the app, handed down by context: the
 * device database, the one sync client and the one read-aloud controller.
 * The app makes them (src/app/services.ts); tests make their own.
 */
import { createContext, useContext } from 'react';
import type { SurveyDatabase } from '../storage/db.ts';
import type { SyncClient } from '../storage/syncClient.ts';
import type { ReadAloud } from './readAloud.ts';

export interface Services {
  readonly db: SurveyDatabase;
  readonly sync: SyncClient;
  readonly readAloud: ReadAloud;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() needs a <ServicesContext> provider');
  return services;
}
