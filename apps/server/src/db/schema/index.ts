export * from './units.ts';
export * from './auth.ts';
