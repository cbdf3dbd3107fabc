/** Read-only sections of an official's record: profile, assignments, flag periods, status history. */
import { Card, Descriptions, Table, Tag, Timeline } from 'antd';
import {
  BLOC_LABELS,
  EDU_LEVEL_LABELS,
  formatDateVi,
  GENDER_LABELS,
  OFFICIAL_STATUS_LABELS,
  OFFICIAL_TYPE_LABELS,
  POLITICAL_THEORY_LABELS,
  STATE_MGMT_LABELS,
  STUDY_FIELD_LABELS,
  type OfficialDetail,
} from '@app/shared';
import { useIsNarrow } from '../../layout/useMediaQuery.ts';
import { ReorgTag, RequirementTag, StatusTag } from './labels.tsx';

type Flag = OfficialDetail['flags'][number];

const none = <span style={{ color: '#8c8c8c' }}>Chưa có</span>;
const or = (v: string | null | undefined) => (v ? v : none);

function requirementText(o: OfficialDetail) {
  const computed = o.meetsRequirementComputed === null ? 'chưa xác định' : o.meetsRequirementComputed ? 'đạt' : 'chưa đạt';
  return (
    <>
      <RequirementTag meets={o.meetsRequirement} />
      <div style={{ color: '#5b6472', fontSize: 13, marginTop: 4 }}>
        {o.meetsRequirementOverride === null
          ? `Tính theo yêu cầu của vị trí việc làm (${computed}).`
          : `Đã điều chỉnh thủ công (theo tính toán: ${computed}). Lý do: ${o.meetsRequirementReason ?? '—'}`}
      </div>
    </>
  );
}

export function ProfileCard({ o }: { o: OfficialDetail }) {
  const narrow = useIsNarrow();
  return (
    <Card size="small" title="Thông tin cá nhân và công tác" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        layout={narrow ? 'vertical' : 'horizontal'}
        column={{ xs: 1, sm: 2, xl: 3 }}
        items={[
          { key: 'birth', label: 'Ngày sinh', children: formatDateVi(o.birthDate) },
          { key: 'gender', label: 'Giới tính', children: GENDER_LABELS[o.gender] },
          { key: 'cccd', label: 'Số CCCD', children: or(o.cccd) },
          { key: 'phone', label: 'Điện thoại', children: or(o.phone) },
          { key: 'email', label: 'Thư điện tử', children: or(o.email) },
          { key: 'commune', label: 'Xã, phường', children: or(o.communeName) },
          { key: 'unit', label: 'Cơ quan, đơn vị', children: or(o.unitName) },
          { key: 'pos', label: 'Vị trí việc làm', children: or(o.positionName) },
          { key: 'type', label: 'Loại', children: OFFICIAL_TYPE_LABELS[o.officialType] },
          { key: 'bloc', label: 'Khối', children: BLOC_LABELS[o.bloc] },
          { key: 'leader', label: 'Lãnh đạo, quản lý', children: o.isLeader ? `Có${o.leaderTitle ? ` — ${o.leaderTitle}` : ''}` : 'Không' },
          { key: 'joined', label: 'Ngày vào cơ quan', children: o.joinedAt ? formatDateVi(o.joinedAt) : none },
          { key: 'status', label: 'Trạng thái', children: <StatusTag status={o.status} /> },
          { key: 'reorg', label: 'Sắp xếp bộ máy', children: <ReorgTag affected={o.affectedByReorg} /> },
        ]}
      />
    </Card>
  );
}

export function QualificationCard({ o }: { o: OfficialDetail }) {
  const narrow = useIsNarrow();
  return (
    <Card size="small" title="Trình độ và đáp ứng yêu cầu vị trí việc làm" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        layout={narrow ? 'vertical' : 'horizontal'}
        column={{ xs: 1, sm: 2, xl: 3 }}
        items={[
          { key: 'edu', label: 'Trình độ chuyên môn', children: o.eduLevel ? EDU_LEVEL_LABELS[o.eduLevel] : none },
          {
            key: 'field',
            label: 'Chuyên ngành',
            children: o.studyField
              ? `${STUDY_FIELD_LABELS[o.studyField]}${o.studyFieldName ? ` (${o.studyFieldName})` : ''}`
              : or(o.studyFieldName),
          },
          { key: 'pol', label: 'Lý luận chính trị', children: o.politicalTheory ? POLITICAL_THEORY_LABELS[o.politicalTheory] : none },
          { key: 'qlnn', label: 'Quản lý nhà nước', children: o.stateMgmtLevel ? STATE_MGMT_LABELS[o.stateMgmtLevel] : none },
          { key: 'it', label: 'Tin học', children: or(o.itLevel) },
          { key: 'lang', label: 'Ngoại ngữ', children: or(o.foreignLanguage) },
          { key: 'meets', label: 'Đáp ứng yêu cầu chuyên môn của VTVL', span: 'filled', children: requirementText(o) },
        ]}
      />
    </Card>
  );
}

export function AssignmentsCard({ o }: { o: OfficialDetail }) {
  return (
    <Card size="small" title="Lịch sử công tác" style={{ marginBottom: 16 }}>
      <Timeline
        items={o.assignments.map((a) => ({
          key: a.id,
          color: a.toDate ? 'gray' : 'blue',
          content: (
            <>
              <div style={{ color: '#5b6472', fontSize: 13 }}>
                {formatDateVi(a.fromDate)} – {a.toDate ? formatDateVi(a.toDate) : 'nay'}
              </div>
              <div style={{ fontWeight: 500 }}>{[a.positionName, a.unitName].filter(Boolean).join(' — ') || 'Chưa có vị trí việc làm'}</div>
              <div style={{ color: '#5b6472' }}>
                {a.communeName ?? a.communeCode}
                {a.reason ? ` · ${a.reason}` : ''}
              </div>
            </>
          ),
        }))}
      />
    </Card>
  );
}

const FLAG_LABELS: Record<Flag['flag'], string> = {
  below_standard: 'Chưa đạt chuẩn VTVL',
  affected_by_reorg: 'Chịu tác động sắp xếp',
};

export function FlagsCard({ o }: { o: OfficialDetail }) {
  return (
    <Card size="small" title="Lịch sử cờ chưa đạt chuẩn / chịu tác động sắp xếp" style={{ marginBottom: 16 }}>
      <Table<Flag>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={o.flags}
        scroll={{ x: 960 }}
        locale={{ emptyText: 'Người này chưa từng bị gắn cờ chưa đạt chuẩn hay chịu tác động sắp xếp.' }}
        columns={[
          {
            title: 'Cờ',
            dataIndex: 'flag',
            width: 190,
            render: (f: Flag['flag']) => <Tag color={f === 'below_standard' ? 'red' : 'orange'}>{FLAG_LABELS[f]}</Tag>,
          },
          { title: 'Từ ngày', dataIndex: 'fromDate', width: 104, render: (d: string) => formatDateVi(d) },
          {
            title: 'Đến ngày',
            dataIndex: 'toDate',
            width: 124,
            render: (d: string | null) => (d ? formatDateVi(d) : <Tag color="blue">Đang áp dụng</Tag>),
          },
          { title: 'Người gắn cờ', dataIndex: 'setBy', width: 120, render: (v: string | null) => v ?? '—' },
          { title: 'Lý do gắn', dataIndex: 'setReason', render: (v: string | null) => v ?? '—' },
          { title: 'Người gỡ cờ', dataIndex: 'clearedBy', width: 120, render: (v: string | null) => v ?? '—' },
          { title: 'Lý do gỡ', dataIndex: 'clearedReason', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}

export function StatusHistoryCard({ o }: { o: OfficialDetail }) {
  return (
    <Card size="small" title="Lịch sử trạng thái" style={{ marginBottom: 16 }}>
      <Timeline
        items={o.statusHistory.map((st, i) => ({
          key: i,
          color: i === 0 ? 'blue' : 'gray',
          content: (
            <>
              <div style={{ color: '#5b6472', fontSize: 13 }}>Từ {formatDateVi(st.fromDate)}</div>
              <div style={{ fontWeight: 500 }}>{OFFICIAL_STATUS_LABELS[st.status]}</div>
              <div style={{ color: '#5b6472' }}>
                {[st.reason, st.changedBy && `người cập nhật: ${st.changedBy}`].filter(Boolean).join(' · ')}
              </div>
            </>
          ),
        }))}
      />
    </Card>
  );
}
