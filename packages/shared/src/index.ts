export * from './roles.ts';
export * from './permissions.ts';
export * from './units.ts';
export * from './errors.ts';
export * from './dates.ts';
export * from './api.ts';
export * from './officials.ts';
export * from './api-officials.ts';
