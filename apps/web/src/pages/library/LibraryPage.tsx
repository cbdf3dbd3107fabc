/** /hoc-lieu: search the shared library, filter by type; learners also see "thiếu gì học nấy". */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { LIBRARY_TYPES, LIBRARY_TYPE_LABELS, formatDateVi, type LibraryType } from '@app/shared';
import { errorMessage } from '../../api/client.ts';
import { useMe } from '../../api/auth.ts';
import { Snippet } from './Snippet.tsx';
import { useLibrarySearch, useRecommendations } from './libraryApi.ts';

export default function LibraryPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const type = params.get('loai') ?? undefined;
  const [text, setText] = useState(q);
  const me = useMe();
  const results = useLibrarySearch(q, type);
  const recs = useRecommendations(me.data?.role === 'official');
  const set = (next: { q?: string; loai?: string | undefined }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };

  return (
    <div className="library-page">
      <Typography.Title level={3}>Học liệu số dùng chung</Typography.Title>
      <Space.Compact style={{ width: '100%', marginBottom: 12 }} direction="vertical">
        <Input.Search
          aria-label="Tìm học liệu"
          data-testid="library-search"
          placeholder="Tìm tài liệu, video, tình huống… (gõ có dấu hoặc không dấu)"
          enterButton="Tìm"
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => set({ q: v.trim() })}
        />
      </Space.Compact>
      <Select
        aria-label="Loại học liệu"
        style={{ minWidth: 220, marginBottom: 16 }}
        allowClear
        placeholder="Tất cả loại học liệu"
        value={type}
        onChange={(v: string | undefined) => set({ loai: v })}
        options={LIBRARY_TYPES.map((t) => ({ value: t, label: LIBRARY_TYPE_LABELS[t] }))}
      />

      {!q && recs.data && (recs.data.materials.length > 0 || recs.data.classes.length > 0) && (
        <Card title="Gợi ý cho bạn: thiếu gì học nấy" size="small" style={{ marginBottom: 16 }} data-testid="recommendations">
          <List
            size="small"
            dataSource={recs.data.materials}
            renderItem={(m) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/hoc-lieu/${m.id}`}>{m.title}</Link>}
                  description={
                    <>
                      <Tag>{LIBRARY_TYPE_LABELS[m.type as LibraryType] ?? m.type}</Tag>
                      <Typography.Text type="secondary">{m.reason}</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
          {recs.data.classes.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 12 }}>
                Lớp sắp mở phù hợp
              </Typography.Title>
              <List
                size="small"
                dataSource={recs.data.classes}
                renderItem={(c) => (
                  <List.Item>
                    <List.Item.Meta
                      title={c.name}
                      description={`${formatDateVi(c.startDate)} – ${formatDateVi(c.endDate)} · ${c.reason}`}
                    />
                  </List.Item>
                )}
              />
            </>
          )}
        </Card>
      )}

      {results.error && <Alert type="error" showIcon message={errorMessage(results.error)} />}
      <List
        loading={results.isLoading}
        header={
          q ? (
            <span>
              Tìm thấy {results.data?.total.toLocaleString('vi-VN') ?? 0} học liệu cho “{q}”
            </span>
          ) : (
            <span>Học liệu mới</span>
          )
        }
        locale={{ emptyText: <Empty description={q ? 'Không tìm thấy học liệu phù hợp. Hãy thử từ khóa khác.' : 'Chưa có học liệu'} /> }}
        dataSource={results.data?.items ?? []}
        renderItem={(item) => (
          <List.Item data-testid="library-result">
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/hoc-lieu/${item.id}`}>{item.title}</Link>
                  <Tag color="blue">{LIBRARY_TYPE_LABELS[item.type as LibraryType] ?? item.type}</Tag>
                </Space>
              }
              description={<Snippet html={item.snippet} />}
            />
          </List.Item>
        )}
      />
    </div>
  );
}
