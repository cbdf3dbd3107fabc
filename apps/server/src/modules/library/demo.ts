/**
 * Seeds the demo library (issue 8 §6) on first start: published materials, passages for the
 * assistant, the demo video and its poster in storage. Idempotent: does nothing when a demo material
 * already exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { DEMO_MATERIALS } from './demo/content.ts';
import * as repo from './library.repository.ts';
import { headingsOf, splitPassages } from './library.rules.ts';
import { libraryStorage, type LibraryStorage } from './library.storage.ts';

const DEMO_DIR = path.join(import.meta.dirname, 'demo');
export const DEMO_OWNER = 'Thư viện mẫu (Bộ Nội vụ)';

export async function seedDemoLibrary(deps: {
  db: Db;
  clock: Clock;
  config: { dataDir: string };
  storage?: LibraryStorage;
}): Promise<number> {
  const exists = await deps.db.execute(sql`select 1 from library_materials where owner_name = ${DEMO_OWNER} limit 1`);
  if (exists.rows.length > 0) return 0;
  const storage = deps.storage ?? libraryStorage(deps.config.dataDir);
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const admin = (await tx.execute<{ id: string }>(sql`select id from users where username = 'bonoivu'`)).rows[0];
    for (const d of DEMO_MATERIALS) {
      const m = await repo.insertMaterial(tx, {
        type: d.type,
        title: d.title,
        summary: d.summary,
        fields: d.fields,
        positions: d.positions,
        regionTypes: d.regionTypes,
        programmeTypes: d.programmeTypes,
        licence: d.licence,
        scopeProvinceCode: d.provinceCode ?? null,
        status: 'published',
        ownerId: admin?.id ?? null,
        ownerName: DEMO_OWNER,
        reviewerName: DEMO_OWNER,
        reviewedAt: at,
        publishedAt: at,
        bodyText: d.bodyText,
        headings: headingsOf(d.bodyText),
        quiz: d.quiz,
        createdAt: at,
        updatedAt: at,
      });
      const patch: Partial<repo.MaterialInsert> = {};
      if (d.file) {
        const buf = fs.readFileSync(path.join(DEMO_DIR, d.file));
        const key = `${m.id}/file-demo.mp4`;
        await storage.put(key, buf, 'video/mp4');
        Object.assign(patch, { fileKey: key, fileName: d.file, mime: 'video/mp4', sizeBytes: buf.length, durationSeconds: 10 });
      }
      if (d.poster) {
        const key = `${m.id}/poster-demo.png`;
        await storage.put(key, fs.readFileSync(path.join(DEMO_DIR, d.poster)), 'image/png');
        patch.posterKey = key;
      }
      if (Object.keys(patch).length) await repo.updateMaterial(tx, m.id, patch);
      if (d.bodyText) await repo.replacePassages(tx, m.id, splitPassages(d.bodyText));
      await repo.insertVersion(tx, {
        materialId: m.id,
        version: 1,
        action: 'publish',
        note: 'Dữ liệu mẫu',
        byName: DEMO_OWNER,
        at,
        snapshot: { title: d.title },
      });
    }
    await tx.execute(
      sql`insert into audit_log (action, entity_type, after) values ('seed.demo_library', 'system', ${JSON.stringify({ materials: DEMO_MATERIALS.length })}::jsonb)`,
    );
    return DEMO_MATERIALS.length;
  });
}
