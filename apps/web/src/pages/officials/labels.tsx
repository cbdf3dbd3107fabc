/** Status tags (colour always with text) and select options of the officials registry. */
import { Tag } from 'antd';
import {
  BLOC_LABELS,
  BLOCS,
  EDU_LEVEL_LABELS,
  EDU_LEVELS,
  GENDER_LABELS,
  GENDERS,
  OFFICIAL_STATUS_LABELS,
  OFFICIAL_STATUSES,
  OFFICIAL_TYPE_LABELS,
  OFFICIAL_TYPES,
  POLITICAL_THEORY_LABELS,
  POLITICAL_THEORY_LEVELS,
  STATE_MGMT_LABELS,
  STATE_MGMT_LEVELS,
  STUDY_FIELD_LABELS,
  STUDY_FIELDS,
  type OfficialStatus,
} from '@app/shared';

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((v) => ({ value: v, label: labels[v] }));

export const OPTIONS = {
  gender: options(GENDERS, GENDER_LABELS),
  type: options(OFFICIAL_TYPES, OFFICIAL_TYPE_LABELS),
  bloc: options(BLOCS, BLOC_LABELS),
  status: options(OFFICIAL_STATUSES, OFFICIAL_STATUS_LABELS),
  eduLevel: options(EDU_LEVELS, EDU_LEVEL_LABELS),
  studyField: options(STUDY_FIELDS, STUDY_FIELD_LABELS),
  politicalTheory: options(POLITICAL_THEORY_LEVELS, POLITICAL_THEORY_LABELS),
  stateMgmt: options(STATE_MGMT_LEVELS, STATE_MGMT_LABELS),
  yesNo: [
    { value: 'true', label: 'Có' },
    { value: 'false', label: 'Không' },
  ],
};

/** "Đạt chuẩn VTVL": computed from the position's requirement, or an admin's override. */
export function RequirementTag({ meets }: { meets: boolean | null }) {
  if (meets === true) return <Tag color="green">Đạt chuẩn</Tag>;
  if (meets === false) return <Tag color="red">Chưa đạt chuẩn</Tag>;
  return <Tag>Chưa xác định</Tag>;
}

/** `short` where the column title already says "Sắp xếp bộ máy". */
export function ReorgTag({ affected, short = false }: { affected: boolean; short?: boolean }) {
  if (!affected) return <span style={{ color: '#5b6472' }}>Không</span>;
  return <Tag color="orange">{short ? 'Chịu tác động' : 'Chịu tác động sắp xếp'}</Tag>;
}

const STATUS_COLORS: Record<OfficialStatus, string> = {
  dang_cong_tac: 'blue',
  nghi_huu: 'default',
  chuyen_cong_tac: 'purple',
  thoi_viec: 'default',
};

export function StatusTag({ status }: { status: OfficialStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{OFFICIAL_STATUS_LABELS[status]}</Tag>;
}

/** Fold Vietnamese diacritics so "ea kar" finds "Ea Kar" in client-side selects. */
export const foldVi = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

export const filterOption = (input: string, option?: { label?: unknown }) => foldVi(String(option?.label ?? '')).includes(foldVi(input));
