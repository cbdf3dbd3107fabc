/**
 * Post-training evaluations of the user's scope (SPEC §8): who is due, overdue, not yet open or
 * done; the unit head opens the assessment form, the commune admin enters the citizen score.
 * Cards rather than a wide table so it reads on a phone (unit heads often use one).
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Empty,
  Flex,
  Grid,
  InputNumber,
  Modal,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { z } from 'zod';
import {
  EVALUATION_CRITERIA,
  EVALUATION_CRITERION_LABELS,
  EVALUATION_LEVEL_LABELS,
  EVALUATION_SOURCE_LABELS,
  EVALUATION_STATUS_LABELS,
  formatDateVi,
  type EvaluationItem,
  type EvaluationStatus,
  type OfficialListResponse,
} from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { useCurrentUser } from '../../api/auth.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { PageTitle, Hint } from '../training/common.tsx';
import { evalKeys, fmtScore, LEVEL_COLORS, STATUS_COLORS, useEvaluation, useEvaluations } from './evaluationsApi.ts';
import { useQuery } from '@tanstack/react-query';

type Filter = EvaluationStatus | 'all';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'qua_han', label: 'Quá hạn' },
  { value: 'den_han', label: 'Đến hạn' },
  { value: 'chua_mo', label: 'Chưa đến kỳ' },
  { value: 'da_danh_gia', label: 'Đã đánh giá' },
  { value: 'all', label: 'Tất cả' },
];

export default function EvaluationsPage() {
  const me = useCurrentUser();
  const [filter, setFilter] = useState<Filter>('qua_han');
  const q = useEvaluations(filter === 'all' ? {} : { status: filter });
  const [citizenFor, setCitizenFor] = useState<EvaluationItem | null>(null);
  const [peersFor, setPeersFor] = useState<EvaluationItem | null>(null);
  const [detailFor, setDetailFor] = useState<number | null>(null);
  const screens = Grid.useBreakpoint();
  const isHead = me.role === 'unit_head';
  const canCitizen = me.permissions.includes('evaluations.manage');
  return (
    <div>
      <PageTitle
        extra={
          me.role === 'national_admin' ? (
            <Link to="/danh-gia-sau-boi-duong/cau-hinh">
              <Button>Cấu hình trọng số</Button>
            </Link>
          ) : undefined
        }
      >
        Đánh giá hiệu quả sau bồi dưỡng
      </PageTitle>
      <Hint>
        Mỗi học viên hoàn thành khóa học được đánh giá sau đủ 3 tháng kể từ ngày kết thúc lớp. Thủ trưởng đơn vị đánh giá (bắt buộc); học
        viên tự đánh giá; xã nhập mức hài lòng của người dân, doanh nghiệp.
        {q.data ? ` Quá hạn khi đã mở quá ${q.data.overdueDays} ngày mà chưa đánh giá.` : ''}
      </Hint>
      {screens.sm ? (
        <Segmented<Filter> value={filter} onChange={setFilter} style={{ marginBottom: 12 }} options={FILTERS} />
      ) : (
        <Select<Filter>
          aria-label="Tình trạng"
          value={filter}
          onChange={setFilter}
          options={FILTERS}
          style={{ width: '100%', marginBottom: 12 }}
        />
      )}
      {q.error ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data && q.data.items.length === 0 ? <Empty description="Không có học viên nào trong mục này" /> : null}
      <Flex vertical gap={8}>
        {q.data?.items.map((i) => (
          <Card key={i.enrolmentId} size="small" loading={q.isFetching && !q.data}>
            <Flex justify="space-between" wrap gap={8}>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>{i.officialName}</Typography.Text>
                <div style={{ color: 'rgba(0,0,0,0.6)', fontSize: 13 }}>{[i.unitName, i.communeName].filter(Boolean).join(' · ')}</div>
                <div style={{ fontSize: 13 }}>
                  {i.programmeName} — lớp kết thúc {formatDateVi(i.classEndDate)}; đánh giá từ {formatDateVi(i.opensOn)}
                </div>
              </div>
              <Flex vertical align="end" gap={4}>
                <Tag color={STATUS_COLORS[i.status]}>{EVALUATION_STATUS_LABELS[i.status]}</Tag>
                {i.level ? (
                  <Tag color={LEVEL_COLORS[i.level]}>
                    {EVALUATION_LEVEL_LABELS[i.level]} · {fmtScore(i.score)} điểm
                  </Tag>
                ) : null}
              </Flex>
            </Flex>
            {i.status !== 'chua_mo' && (isHead || canCitizen) ? (
              <Space wrap style={{ marginTop: 8 }}>
                {isHead ? (
                  <Link to={`/danh-gia-sau-boi-duong/${i.enrolmentId}?nguon=thu-truong`}>
                    <Button type="primary" size="middle">
                      {i.sources.includes('unit_head') ? 'Sửa đánh giá' : 'Đánh giá'}
                    </Button>
                  </Link>
                ) : null}
                {canCitizen ? <Button onClick={() => setCitizenFor(i)}>Mức hài lòng của người dân</Button> : null}
                <Button onClick={() => setPeersFor(i)}>Chọn đồng nghiệp đánh giá</Button>
              </Space>
            ) : null}
            {i.sources.length ? (
              <Button type="link" style={{ paddingLeft: 0 }} onClick={() => setDetailFor(i.enrolmentId)}>
                Xem các ý kiến đánh giá
              </Button>
            ) : null}
          </Card>
        ))}
      </Flex>
      <CitizenModal item={citizenFor} onClose={() => setCitizenFor(null)} />
      {peersFor ? <PeersModal item={peersFor} onClose={() => setPeersFor(null)} /> : null}
      {detailFor !== null ? <DetailDrawer enrolmentId={detailFor} onClose={() => setDetailFor(null)} /> : null}
    </div>
  );
}

function CitizenModal({ item, onClose }: { item: EvaluationItem | null; onClose: () => void }) {
  const [value, setValue] = useState<number | null>(null);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: () => api.put(`/api/evaluations/${item!.enrolmentId}/citizen`, { satisfaction: value }),
    onSuccess: async () => {
      message.success('Đã lưu mức hài lòng');
      await qc.invalidateQueries({ queryKey: evalKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      open={!!item}
      title="Mức hài lòng của người dân, doanh nghiệp"
      okText="Lưu"
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {save.error ? <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 8 }} /> : null}
      <Typography.Paragraph>
        {item?.officialName}: tỷ lệ hài lòng (0–100%) theo phiếu khảo sát tại bộ phận một cửa trong kỳ.
      </Typography.Paragraph>
      <InputNumber aria-label="Tỷ lệ hài lòng (%)" min={0} max={100} value={value} onChange={setValue} suffix="%" style={{ width: 180 }} />
    </Modal>
  );
}

function PeersModal({ item, onClose }: { item: EvaluationItem; onClose: () => void }) {
  const [ids, setIds] = useState<string[]>(item.peerOfficialIds);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const officials = useQuery({
    queryKey: ['officials', 'peers', item.communeCode],
    queryFn: () =>
      api.get<z.infer<typeof OfficialListResponse>>('/api/officials', {
        commune: item.communeCode,
        status: 'dang_cong_tac',
        pageSize: 200,
      }),
  });
  const save = useMutation({
    mutationFn: () => api.put(`/api/evaluations/${item.enrolmentId}/peers`, { officialIds: ids }),
    onSuccess: async () => {
      message.success('Đã lưu danh sách đồng nghiệp đánh giá');
      await qc.invalidateQueries({ queryKey: evalKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      open
      title="Chọn đồng nghiệp đánh giá"
      okText="Lưu"
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
    >
      {save.error ? <Alert type="error" role="alert" showIcon title={errorMessage(save.error)} style={{ marginBottom: 8 }} /> : null}
      <Typography.Paragraph>
        Đồng nghiệp cùng xã, phường đánh giá {item.officialName} (tối đa 5 người). Họ sẽ thấy lời mời trong mục “Đánh giá sau khóa học” của
        mình.
      </Typography.Paragraph>
      <Select
        aria-label="Đồng nghiệp"
        mode="multiple"
        maxCount={5}
        value={ids}
        onChange={setIds}
        loading={officials.isLoading}
        optionFilterProp="label"
        style={{ width: '100%' }}
        options={(officials.data?.items ?? [])
          .filter((o) => o.id !== item.officialId)
          .map((o) => ({ value: o.id, label: `${o.fullName}${o.unitName ? ` — ${o.unitName}` : ''}` }))}
      />
    </Modal>
  );
}

function DetailDrawer({ enrolmentId, onClose }: { enrolmentId: number; onClose: () => void }) {
  const q = useEvaluation(enrolmentId);
  const d = q.data;
  return (
    <Drawer open onClose={onClose} title={d ? `Ý kiến đánh giá — ${d.officialName}` : 'Ý kiến đánh giá'} size="large" loading={q.isLoading}>
      {q.error ? <Alert type="error" showIcon title={errorMessage(q.error)} /> : null}
      {d?.level ? (
        <Typography.Paragraph>
          Kết quả: <Tag color={LEVEL_COLORS[d.level]}>{`${EVALUATION_LEVEL_LABELS[d.level]} · ${fmtScore(d.score)} điểm`}</Tag>
          {d.evaluatedOn ? ` ngày ${formatDateVi(d.evaluatedOn)}` : ''}
        </Typography.Paragraph>
      ) : null}
      {d?.responses.map((r, n) => (
        <Card
          key={n}
          size="small"
          style={{ marginBottom: 8 }}
          title={`${EVALUATION_SOURCE_LABELS[r.source]}${r.respondentName ? ` — ${r.respondentName}` : ''} (${formatDateVi(r.submittedOn)})`}
        >
          {r.source === 'citizen' ? (
            <Typography.Text>Tỷ lệ hài lòng: {fmtScore(r.satisfaction)}%</Typography.Text>
          ) : (
            <Flex vertical gap={6}>
              {EVALUATION_CRITERIA.filter((c) => r.criteria[c]).map((c) => (
                <div key={c}>
                  <Typography.Text type="secondary">{EVALUATION_CRITERION_LABELS[c]}: </Typography.Text>
                  <strong>{r.criteria[c]!.score}</strong>
                  {r.criteria[c]!.evidence ? <div style={{ overflowWrap: 'anywhere' }}>{r.criteria[c]!.evidence}</div> : null}
                </div>
              ))}
            </Flex>
          )}
          {r.note ? <Typography.Paragraph style={{ marginTop: 8 }}>{r.note}</Typography.Paragraph> : null}
        </Card>
      ))}
    </Drawer>
  );
}
