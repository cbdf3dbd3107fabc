export * from './units.ts';
export * from './auth.ts';
export * from './officials.ts';
export * from './needs.ts';
export * from './training.ts';
export * from './certificates.ts';
export * from './notifications.ts';
export * from './learner.ts';
