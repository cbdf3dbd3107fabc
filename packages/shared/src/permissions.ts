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
  'certificates.read',
  'certificates.issue',
  'certificates.revoke',
  'programmes.read',
  'programmes.manage',
  'plans.read',
  'plans.manage',
  'instructors.read',
  'instructors.manage',
  'classes.read',
  'classes.manage',
  'classes.record',
  'enrolments.read',
  'enrolments.nominate',
  'enrolments.approve',
  'continuity.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
