/**
 * Reference data loaded at every start when missing: the 34 provinces and 3,321 communes (with their
 * default agencies) and the national list of training organisations. Idempotent and fast (one
 * statement per table).
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { defaultRegionType } from '@app/shared';
import type { Db } from '../db/client.ts';
import { communeTypeFromLabel, defaultUnitsFor } from '../modules/units/units.rules.ts';
import { DEFAULT_POSITIONS } from '../modules/positions/positions.rules.ts';
import { seedProgrammes } from '../modules/programmes/programmes.seed.ts';
import { seedKeyTaskAnnex } from '../modules/key-tasks/annex.ts';

interface SourceUnits {
  provinces: { code: string; name: string; full_name: string; name_en: string; type: string; lat: number | null; lon: number | null; area_km2: number | null }[];
  communes: {
    code: string;
    name: string;
    full_name: string;
    name_en: string;
    type: string;
    province_code: string;
    lat: number | null;
    lon: number | null;
    area_km2: number | null;
  }[];
}

export const ADMIN_UNITS_FILE = path.resolve(import.meta.dirname, '../../data/admin-units-2025.json');

const nfc = (s: string) => s.normalize('NFC').trim();

export async function seedReferenceData(db: Db): Promise<{ seeded: boolean }> {
  const [{ n } = { n: 0 }] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from communes`)).rows;
  // Catalogues added by later versions are upserted on every start (cheap, idempotent).
  await db.transaction(async (tx) => {
    await seedDefaultPositions(tx);
    await seedProgrammes(tx);
    await seedKeyTaskAnnex(tx);
  });
  if (n > 0) return { seeded: false };
  const src = JSON.parse(fs.readFileSync(ADMIN_UNITS_FILE, 'utf8')) as SourceUnits;
  const provinces = src.provinces.map((p) => ({
    code: p.code,
    name: nfc(p.name),
    full_name: nfc(p.full_name),
    name_en: p.name_en,
    type: nfc(p.type),
    lat: p.lat,
    lon: p.lon,
    area_km2: p.area_km2,
  }));
  const communes = src.communes.map((c) => {
    const type = communeTypeFromLabel(c.type);
    return {
      code: c.code,
      province_code: c.province_code,
      name: nfc(c.name),
      full_name: nfc(c.full_name),
      name_en: c.name_en,
      type,
      region_type: defaultRegionType(type),
      lat: c.lat,
      lon: c.lon,
      area_km2: c.area_km2,
    };
  });
  const defaults = (['xa', 'phuong', 'dac_khu'] as const).flatMap((t) =>
    defaultUnitsFor(t).map((u) => ({ commune_type: t, kind: u.kind, name: u.name, bloc: u.bloc, parent_kind: u.parentKind ?? null, sort_order: u.sortOrder })),
  );
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into provinces (code, name, full_name, name_en, type, lat, lon, area_km2)
      select code, name, full_name, name_en, type, lat, lon, area_km2
      from jsonb_to_recordset(${JSON.stringify(provinces)}::jsonb)
        as x(code text, name text, full_name text, name_en text, type text, lat float8, lon float8, area_km2 float8)`);
    await tx.execute(sql`
      insert into communes (code, province_code, name, full_name, name_en, type, region_type, lat, lon, area_km2)
      select code, province_code, name, full_name, name_en, type, region_type, lat, lon, area_km2
      from jsonb_to_recordset(${JSON.stringify(communes)}::jsonb)
        as x(code text, province_code text, name text, full_name text, name_en text, type text, region_type text,
             lat float8, lon float8, area_km2 float8)`);
    await tx.execute(sql`
      insert into units (province_code, commune_code, name, kind, bloc, is_default, sort_order)
      select c.province_code, c.code, d.name, d.kind, d.bloc, true, d.sort_order
      from communes c
      join jsonb_to_recordset(${JSON.stringify(defaults)}::jsonb)
        as d(commune_type text, kind text, name text, bloc text, parent_kind text, sort_order int)
        on d.commune_type = c.type`);
    await tx.execute(sql`
      update units u set parent_id = p.id
      from jsonb_to_recordset(${JSON.stringify(defaults)}::jsonb) as d(commune_type text, kind text, parent_kind text),
           units p, communes c
      where u.is_default and c.code = u.commune_code and d.commune_type = c.type and d.kind = u.kind
        and d.parent_kind is not null and p.commune_code = u.commune_code and p.kind = d.parent_kind and p.is_default`);
    await seedTrainingOrgs(tx, provinces);
  });
  return { seeded: true };
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** National list of training organisations (SPEC §2); admins extend it. */
async function seedTrainingOrgs(tx: Tx, provinces: { code: string; name: string; type: string }[]): Promise<void> {
  const orgs: { code: string; name: string; short_name: string | null; kind: string; province_code: string | null }[] = [
    { code: 'HVCTQG', name: 'Học viện Chính trị quốc gia Hồ Chí Minh', short_name: 'HVCTQG', kind: 'hoc_vien', province_code: null },
    { code: 'HVHCQTC', name: 'Học viện Hành chính và Quản trị công', short_name: null, kind: 'hoc_vien', province_code: null },
    { code: 'HVCTKV1', name: 'Học viện Chính trị khu vực I', short_name: null, kind: 'hoc_vien', province_code: null },
    { code: 'HVCTKV2', name: 'Học viện Chính trị khu vực II', short_name: null, kind: 'hoc_vien', province_code: null },
    { code: 'HVCTKV3', name: 'Học viện Chính trị khu vực III', short_name: null, kind: 'hoc_vien', province_code: null },
    { code: 'HVCTKV4', name: 'Học viện Chính trị khu vực IV', short_name: null, kind: 'hoc_vien', province_code: null },
    { code: 'DHNV', name: 'Trường Đại học Nội vụ Hà Nội', short_name: null, kind: 'dai_hoc', province_code: null },
    ...provinces.map((p) => ({
      code: `TCT.${p.code}`,
      name: `Trường Chính trị ${p.type === 'Thành phố' ? 'thành phố' : 'tỉnh'} ${p.name}`,
      short_name: null,
      kind: 'truong_chinh_tri',
      province_code: p.code,
    })),
  ];
  await tx.execute(sql`
    insert into training_orgs (code, name, short_name, kind, province_code)
    select code, name, short_name, kind, province_code
    from jsonb_to_recordset(${JSON.stringify(orgs)}::jsonb)
      as x(code text, name text, short_name text, kind text, province_code text)
    on conflict (code) do nothing`);
}

/** National default job positions (VTVL) of commune posts. */
async function seedDefaultPositions(tx: Tx): Promise<void> {
  const rows = DEFAULT_POSITIONS.map((p, i) => ({
    code: p.code,
    name: p.name,
    bloc: p.bloc,
    official_type: p.officialType,
    is_leader: p.isLeader,
    required_edu_level: p.requiredEduLevel,
    required_study_fields: p.requiredStudyFields,
    required_programmes: p.requiredProgrammes,
    training_fields: p.trainingFields,
    sort_order: (i + 1) * 10,
  }));
  await tx.execute(sql`
    insert into positions (code, name, level, bloc, official_type, is_leader, required_edu_level,
                           required_study_fields, required_programmes, training_fields, sort_order)
    select code, name, 'national', bloc, official_type, is_leader, required_edu_level,
           array(select jsonb_array_elements_text(required_study_fields)),
           array(select jsonb_array_elements_text(required_programmes)),
           array(select jsonb_array_elements_text(training_fields)), sort_order
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(code text, name text, bloc text, official_type text, is_leader boolean, required_edu_level text,
           required_study_fields jsonb, required_programmes jsonb, training_fields jsonb, sort_order int)
    on conflict (code) do nothing`);
}
