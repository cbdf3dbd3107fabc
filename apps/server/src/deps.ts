/** What the routes and services are handed: the database, the clock and the configuration. */
import type { Db } from './db/client.ts';
import type { Clock } from './clock.ts';
import type { AppConfig } from './config.ts';

export interface AppDeps {
  db: Db;
  clock: Clock;
  config: AppConfig;
}
