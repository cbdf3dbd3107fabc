/** The province's reviewer (Ban Tổ chức): essays of the province's learners — read, tag, flag proposals, export. */
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Drawer, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatDateVi, type EssayItem, type EssayListResponse } from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';

function EssayDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const q = useQuery({ queryKey: ['essays', 'one', id], queryFn: () => api.get<EssayItem>(`/api/essays/${id}`), enabled: id !== null });
  const [tags, setTags] = useState<string[]>([]);
  const [proposal, setProposal] = useState(false);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (q.data) {
      setTags(q.data.tags);
      setProposal(q.data.isProposal);
      setNote(q.data.reviewNote ?? '');
    }
  }, [q.data]);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      api.post<EssayItem>(`/api/essays/${id}/review`, { tags, isProposal: proposal, reviewNote: note || null, version: q.data!.version }),
    onSuccess: async () => {
      void message.success('Đã lưu.');
      await qc.invalidateQueries({ queryKey: ['essays'] });
      onClose();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const e = q.data;
  return (
    <Drawer open={id !== null} onClose={onClose} title={e?.title ?? 'Bài thu hoạch'} width={Math.min(640, window.innerWidth)}>
      {q.error && <QueryError error={q.error} />}
      {e && (
        <>
          <Typography.Paragraph type="secondary">
            {e.fullName} · {e.communeName ?? e.communeCode} · {e.className} · nộp ngày {formatDateVi(e.submittedOn)}
          </Typography.Paragraph>
          {e.topics.length > 0 && <Typography.Paragraph>Chuyên đề: {e.topics.join('; ')}</Typography.Paragraph>}
          {e.body && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafbfc', padding: 12, border: '1px solid #eef0f3' }}>
              {e.body}
            </Typography.Paragraph>
          )}
          {e.file && (
            <Typography.Paragraph>
              <a href={`/api/essays/${e.id}/file`}>
                <DownloadOutlined /> {e.file.fileName}
              </a>
            </Typography.Paragraph>
          )}
          {e.canReview && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Select
                mode="tags"
                value={tags}
                onChange={setTags}
                placeholder="Gắn nhãn (gõ rồi Enter)"
                style={{ width: '100%' }}
                aria-label="Nhãn"
                tokenSeparators={[',']}
              />
              <Checkbox checked={proposal} onChange={(ev) => setProposal(ev.target.checked)}>
                Có đề xuất, kiến nghị cần tổng hợp
              </Checkbox>
              <Input.TextArea
                rows={3}
                value={note}
                onChange={(ev) => setNote(ev.target.value)}
                placeholder="Ghi chú của người đọc"
                maxLength={4000}
                aria-label="Ghi chú"
              />
              <Button type="primary" onClick={() => save.mutate()} loading={save.isPending}>
                Lưu
              </Button>
            </Space>
          )}
        </>
      )}
    </Drawer>
  );
}

export default function EssaysReviewPage() {
  const [filter, setFilter] = useState<'all' | 'proposal' | 'new'>('all');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const q = useQuery({
    queryKey: ['essays', 'list', filter, page],
    queryFn: () =>
      api.get<EssayListResponse>('/api/essays', {
        proposal: filter === 'proposal' ? 'true' : undefined,
        reviewed: filter === 'new' ? 'false' : undefined,
        page,
        pageSize: 20,
      }),
  });
  const rows = q.data?.items ?? [];
  return (
    <>
      <Typography.Title level={1} className="page-title">
        Bài thu hoạch
      </Typography.Title>
      <Card
        size="small"
        extra={
          <a href="/api/essays/proposals.xlsx">
            <Button icon={<DownloadOutlined />}>Xuất đề xuất ra Excel</Button>
          </a>
        }
        title={
          <Segmented<'all' | 'proposal' | 'new'>
            value={filter}
            onChange={(v) => {
              setFilter(v);
              setPage(1);
            }}
            options={[
              { value: 'all', label: 'Tất cả' },
              { value: 'new', label: 'Chưa đọc' },
              { value: 'proposal', label: 'Có đề xuất' },
            ]}
          />
        }
      >
        {q.error ? (
          <QueryError error={q.error} />
        ) : (
          <Table<EssayItem>
            size="small"
            rowKey="id"
            loading={q.isPending}
            dataSource={rows}
            scroll={{ x: 760 }}
            onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
            pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            columns={[
              { title: 'Tiêu đề', dataIndex: 'title', render: (v: string, r) => <a onClick={() => setOpen(r.id)}>{v}</a> },
              { title: 'Học viên', dataIndex: 'fullName', width: 170 },
              { title: 'Xã, phường', dataIndex: 'communeName', width: 140 },
              { title: 'Nộp ngày', dataIndex: 'submittedOn', width: 100, render: (v: string) => formatDateVi(v) },
              {
                title: 'Nhãn',
                dataIndex: 'tags',
                width: 200,
                render: (v: string[], r) => (
                  <>
                    {r.isProposal && <Tag color="gold">Đề xuất</Tag>}
                    {v.map((t) => (
                      <Tag key={t}>{t}</Tag>
                    ))}
                  </>
                ),
              },
            ]}
          />
        )}
      </Card>
      <EssayDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
