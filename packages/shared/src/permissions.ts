/**
 * Permission names the server grants per role (apps/server/src/authz/policy.ts decides them);
 * the web client only reads them to show or hide what the user can do.
 */
export const PERMISSIONS = [
  'units.read',
  'units.editRegionType',
  'units.manageCommuneUnits',
  'trainingOrgs.manage',
  'users.read',
  'users.manage',
  'audit.read',
  'officials.read',
  'officials.manage',
  'officials.readSensitive',
  'officials.createAccounts',
  'positions.manage',
  'needs.read',
  'needs.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
