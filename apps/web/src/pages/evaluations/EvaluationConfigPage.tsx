/** National configuration of the evaluation (SPEC §8): criteria and source weights (each set sums to 100), level thresholds, overdue days. */
import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import {
  EVALUATION_CRITERIA,
  EVALUATION_CRITERION_LABELS,
  EVALUATION_LEVEL_LABELS,
  EVALUATION_SOURCE_CODES,
  EVALUATION_SOURCE_LABELS,
  type EvaluationConfigResponse,
} from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { PageTitle } from '../training/common.tsx';
import { evalKeys, useEvaluationConfig } from './evaluationsApi.ts';

const sum = (r: Record<string, number | undefined> | undefined) => Object.values(r ?? {}).reduce<number>((a, b) => a + (b ?? 0), 0);

export default function EvaluationConfigPage() {
  const q = useEvaluationConfig();
  const [form] = Form.useForm<EvaluationConfigResponse>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);
  const save = useMutation({
    mutationFn: (v: EvaluationConfigResponse) =>
      api.put<EvaluationConfigResponse>('/api/evaluations/config', { ...v, version: q.data!.version }),
    onSuccess: async () => {
      message.success('Đã lưu cấu hình');
      await qc.invalidateQueries({ queryKey: evalKeys.all });
    },
  });
  const cw = Form.useWatch('criteriaWeights', form);
  const sw = Form.useWatch('sourceWeights', form);
  if (q.isLoading) return <PageLoading />;
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <div style={{ maxWidth: 820 }}>
      <PageTitle>Cấu hình đánh giá hiệu quả sau bồi dưỡng</PageTitle>
      {save.error ? <Alert type="error" role="alert" showIcon title={errorMessage(save.error)} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="horizontal" labelCol={{ flex: '340px' }} labelWrap onFinish={(v) => save.mutate(v)}>
        <Card size="small" title={`Trọng số tiêu chí (tổng phải bằng 100; hiện là ${sum(cw)})`} style={{ marginBottom: 12 }}>
          {EVALUATION_CRITERIA.map((c) => (
            <Form.Item key={c} name={['criteriaWeights', c]} label={EVALUATION_CRITERION_LABELS[c]} style={{ marginBottom: 8 }}>
              <InputNumber min={0} max={100} />
            </Form.Item>
          ))}
        </Card>
        <Card size="small" title={`Trọng số nguồn đánh giá (tổng phải bằng 100; hiện là ${sum(sw)})`} style={{ marginBottom: 12 }}>
          {EVALUATION_SOURCE_CODES.map((s) => (
            <Form.Item key={s} name={['sourceWeights', s]} label={EVALUATION_SOURCE_LABELS[s]} style={{ marginBottom: 8 }}>
              <InputNumber min={0} max={100} />
            </Form.Item>
          ))}
          <Typography.Text type="secondary">
            Nguồn nào chưa có thì trọng số được chia lại cho các nguồn đã có; đánh giá của thủ trưởng là bắt buộc.
          </Typography.Text>
        </Card>
        <Card size="small" title="Ngưỡng xếp mức (điểm 0–100) và thời hạn" style={{ marginBottom: 12 }}>
          <Form.Item name={['thresholds', 'ratHieuQua']} label={`${EVALUATION_LEVEL_LABELS.rat_hieu_qua} từ`}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name={['thresholds', 'hieuQua']} label={`${EVALUATION_LEVEL_LABELS.hieu_qua} từ`}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item
            name={['thresholds', 'itHieuQua']}
            label={`${EVALUATION_LEVEL_LABELS.it_hieu_qua} từ (dưới mức này: ${EVALUATION_LEVEL_LABELS.khong_hieu_qua})`}
          >
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="overdueDays" label="Quá hạn khi đã mở quá (ngày)">
            <InputNumber min={1} max={365} />
          </Form.Item>
        </Card>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            Lưu cấu hình
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
