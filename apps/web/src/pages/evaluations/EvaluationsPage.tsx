/**
 * Post-training evaluations of the user's scope (SPEC §8): who is due, overdue, not yet open or
 * done; the unit head opens the assessment form, the commune admin enters the citizen score.
 * Cards rather than a wide table so it reads on a phone (unit heads often use one).
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, InputNumber, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { EVALUATION_LEVEL_LABELS, EVALUATION_STATUS_LABELS, formatDateVi, type EvaluationItem, type EvaluationStatus } from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { useCurrentUser } from '../../api/auth.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { PageTitle, Hint } from '../training/common.tsx';
import { evalKeys, fmtScore, LEVEL_COLORS, STATUS_COLORS, useEvaluations } from './evaluationsApi.ts';

type Filter = EvaluationStatus | 'all';

export default function EvaluationsPage() {
  const me = useCurrentUser();
  const [filter, setFilter] = useState<Filter>('qua_han');
  const q = useEvaluations(filter === 'all' ? {} : { status: filter });
  const [citizenFor, setCitizenFor] = useState<EvaluationItem | null>(null);
  const isHead = me.role === 'unit_head';
  const canCitizen = me.permissions.includes('officials.manage');
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
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        options={[
          { value: 'qua_han', label: 'Quá hạn' },
          { value: 'den_han', label: 'Đến hạn' },
          { value: 'chua_mo', label: 'Chưa đến kỳ' },
          { value: 'da_danh_gia', label: 'Đã đánh giá' },
          { value: 'all', label: 'Tất cả' },
        ]}
      />
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
              </Space>
            ) : null}
          </Card>
        ))}
      </Flex>
      <CitizenModal item={citizenFor} onClose={() => setCitizenFor(null)} />
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
