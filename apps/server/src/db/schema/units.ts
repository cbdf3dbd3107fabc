/** SPEC §2: provinces, communes, units inside communes, training organisations. */
import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  fullName: text('full_name').notNull(),
  nameEn: text('name_en').notNull(),
  type: text('type').notNull(),
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
  areaKm2: doublePrecision('area_km2'),
  validFrom: date('valid_from').notNull().default('2025-07-01'),
  validTo: date('valid_to'),
});

export const communes = pgTable(
  'communes',
  {
    code: text('code').primaryKey(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    nameEn: text('name_en').notNull(),
    type: text('type', { enum: ['xa', 'phuong', 'dac_khu'] }).notNull(),
    regionType: text('region_type', { enum: ['do_thi', 'nong_thon', 'mien_nui_dtts', 'bien_gioi_hai_dao'] }).notNull(),
    areaClass: text('area_class', { enum: ['I', 'II', 'III'] }),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    areaKm2: doublePrecision('area_km2'),
    validFrom: date('valid_from').notNull().default('2025-07-01'),
    validTo: date('valid_to'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('communes_province_idx').on(t.provinceCode, t.code),
    index('communes_search_idx').using('gin', sql`f_unaccent(lower(${t.fullName})) gin_trgm_ops`),
    check('communes_type_chk', sql`${t.type} in ('xa','phuong','dac_khu')`),
    check('communes_region_chk', sql`${t.regionType} in ('do_thi','nong_thon','mien_nui_dtts','bien_gioi_hai_dao')`),
  ],
);

/** Agencies inside a commune (Đảng ủy, HĐND, UBND and its offices, MTTQ…). */
export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code')
      .notNull()
      .references(() => communes.code),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    bloc: text('bloc', { enum: ['dang', 'hdnd', 'ubnd', 'mttq'] }).notNull(),
    parentId: integer('parent_id'),
    isDefault: boolean('is_default').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(100),
    validFrom: date('valid_from').notNull().default('2025-07-01'),
    validTo: date('valid_to'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('units_commune_idx').on(t.communeCode, t.sortOrder),
    uniqueIndex('units_commune_kind_default_uq').on(t.communeCode, t.kind).where(sql`${t.isDefault}`),
    // Two active units of one commune never share a name (also under concurrent requests).
    uniqueIndex('units_commune_name_active_uq').on(t.communeCode, sql`lower(${t.name})`).where(sql`${t.validTo} is null`),
  ],
);

export const trainingOrgs = pgTable('training_orgs', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  kind: text('kind', { enum: ['hoc_vien', 'truong_chinh_tri', 'dai_hoc', 'truong_bo_nganh', 'khac'] }).notNull(),
  provinceCode: text('province_code').references(() => provinces.code),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
});
