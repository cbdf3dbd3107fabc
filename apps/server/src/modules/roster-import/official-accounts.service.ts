/**
 * Login accounts for officials, in bulk (SPEC §0 learners use the system): a commune admin selects
 * officials and gets an .xlsx of usernames and one-time passwords. One-time passwords are random
 * and must be changed at first login, so they are stored with a fast salted hash (passwords.ts
 * hashOneTimePassword): 500 accounts take milliseconds, not the ~50 s argon2id would.
 */
import crypto from 'node:crypto';
import { OFFICIAL_STATUS_LABELS } from '@app/shared';
import { assertCan, canManageUser, type Actor } from '../../authz/policy.ts';
import { conflict, forbidden, notFound, postgresErrorCode } from '../../http/errors.ts';
import type { RequestMeta } from '../audit/audit.service.ts';
import { makeTemporaryPassword } from '../auth/auth.rules.ts';
import { hashOneTimePassword } from '../auth/passwords.ts';
import { compareVietnameseNames } from '../officials/officials.rules.ts';
import { targetOf } from '../officials/officials.service.ts';
import { allocateUsername, usernameBase } from './official-accounts.rules.ts';
import * as repo from './official-accounts.repository.ts';
import { findCommune, insertAuditEntries } from './roster-import.repository.ts';
import type { RosterDeps } from './roster-import.service.ts';
import { buildAccountsSheet, type AccountLine } from './roster-workbook.ts';

export interface AccountsOutcome {
  buffer: Buffer;
  fileName: string;
  created: number;
  skipped: number;
}

export async function createOfficialAccounts(
  deps: RosterDeps,
  actor: Actor,
  officialIds: string[],
  meta: RequestMeta,
): Promise<AccountsOutcome> {
  assertCan(actor, 'officials.createAccounts');
  const ids = [...new Set(officialIds.map((id) => id.toLowerCase()))];
  const now = deps.clock.now();
  try {
    const { lines, created, skipped, communeName, communeCode } = await deps.db.transaction(async (tx) => {
      const people = await repo.lockOfficials(tx, ids);
      // Unknown ids and other communes' people answer the same 404, so existence does not leak.
      if (people.length !== ids.length)
        throw notFound(`Không tìm thấy ${ids.length - people.length} hồ sơ trong phạm vi của bạn; không có tài khoản nào được tạo.`);
      for (const o of people) {
        assertCan(actor, 'officials.createAccounts', targetOf(o));
        if (!canManageUser(actor, { role: 'official', provinceCode: o.provinceCode, communeCode: o.communeCode, unitId: o.unitId })) {
          throw forbidden('Bạn không được tạo tài khoản cho cán bộ, công chức này.');
        }
      }
      people.sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
      const existing = new Map((await repo.accountsOfOfficials(tx, ids)).map((a) => [a.officialId!, a.username]));
      const communes = [...new Set(people.map((o) => o.communeCode))];
      const taken = new Set((await Promise.all(communes.map((c) => repo.usernamesLike(tx, `.${c}`)))).flat());

      const lines: AccountLine[] = [];
      const accounts: repo.NewAccount[] = [];
      for (const o of people) {
        const has = existing.get(o.id);
        if (has) {
          lines.push({
            fullName: o.fullName,
            username: has,
            password: null,
            note: 'Đã có tài khoản từ trước; không tạo thêm (muốn cấp lại mật khẩu hãy dùng chức năng Đặt lại mật khẩu).',
          });
          continue;
        }
        if (o.status !== 'dang_cong_tac') {
          lines.push({
            fullName: o.fullName,
            username: '',
            password: null,
            note: `Không tạo: người này đang ở trạng thái "${OFFICIAL_STATUS_LABELS[o.status]}".`,
          });
          continue;
        }
        const password = makeTemporaryPassword((n) => crypto.randomBytes(n));
        const username = allocateUsername(usernameBase(o.fullName), o.communeCode, taken);
        accounts.push({
          username,
          full_name: o.fullName,
          email: o.email,
          phone: o.phone,
          province_code: o.provinceCode,
          commune_code: o.communeCode,
          unit_id: o.unitId,
          official_id: o.id,
          password_hash: hashOneTimePassword(password),
        });
        lines.push({ fullName: o.fullName, username, password, note: 'Tài khoản mới; phải đổi mật khẩu ở lần đăng nhập đầu tiên.' });
      }
      const inserted = await repo.insertAccounts(tx, accounts, now);
      const base = { actor_id: actor.id, actor_username: actor.username, actor_role: actor.role, ip: meta.ip, request_id: meta.requestId };
      const byOfficial = new Map(accounts.map((a) => [a.official_id, a]));
      await insertAuditEntries(
        tx,
        [
          ...inserted.map((u) => {
            const a = byOfficial.get(u.official_id)!;
            return {
              ...base,
              action: 'user.create',
              entity_type: 'user',
              entity_id: u.id,
              province_code: a.province_code,
              commune_code: a.commune_code,
              before: null,
              after: {
                username: u.username,
                fullName: a.full_name,
                role: 'official',
                officialId: a.official_id,
                unitId: a.unit_id,
                mustChangePassword: true,
                source: 'bulk',
              },
            };
          }),
          {
            ...base,
            action: 'official.create_accounts',
            entity_type: 'official',
            entity_id: null,
            province_code: people[0]?.provinceCode ?? null,
            commune_code: communes.length === 1 ? communes[0]! : null,
            before: null,
            after: { requested: ids.length, created: inserted.length, skipped: ids.length - inserted.length },
          },
        ],
        now,
      );
      const communeCode = communes.length === 1 ? communes[0]! : null;
      const commune = communeCode ? await findCommune(tx, communeCode) : undefined;
      return {
        lines,
        created: inserted.length,
        skipped: ids.length - inserted.length,
        communeName: commune?.fullName ?? 'nhiều xã',
        communeCode,
      };
    });
    const buffer = await buildAccountsSheet(lines, communeName);
    return { buffer, created, skipped, fileName: `tai-khoan-hoc-vien-${communeCode ?? 'nhieu-xa'}-${deps.clock.today()}.xlsx` };
  } catch (err) {
    if (postgresErrorCode(err) === '23505')
      throw conflict('Một tên đăng nhập vừa được người khác dùng trong lúc tạo; không có tài khoản nào được tạo. Hãy thử lại.');
    throw err;
  }
}
