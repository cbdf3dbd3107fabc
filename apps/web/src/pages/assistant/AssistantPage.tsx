/** /tro-ly: ask a question; the answer quotes published documents with their sections. */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Input, List, Typography } from 'antd';
import { ASSISTANT_QUESTION_MAX, type AssistantAskResponse } from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';

const EXAMPLES = [
  'Hòa giải tranh chấp đất đai ở xã phải xong trong bao lâu?',
  'Khi nào được đánh giá hiệu quả sau bồi dưỡng?',
  'Đạt bao nhiêu điểm thì hoàn thành xuất sắc nhiệm vụ?',
];

export default function AssistantPage() {
  const [question, setQuestion] = useState('');
  const ask = useMutation({ mutationFn: (q: string) => api.post<AssistantAskResponse>('/api/assistant/ask', { question: q }) });
  const send = (q: string) => {
    setQuestion(q);
    if (q.trim()) ask.mutate(q.trim());
  };
  const a = ask.data;
  return (
    <div style={{ maxWidth: 860 }}>
      <Typography.Title level={3}>Trợ lý tra cứu quy định</Typography.Title>
      <Typography.Paragraph type="secondary">
        Trợ lý trả lời bằng chính các đoạn văn bản đã công bố trong thư viện và ghi rõ nguồn (văn bản, điều, khoản). Khi thư viện chưa có
        văn bản phù hợp, trợ lý sẽ nói rõ.
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="Câu hỏi"
        data-testid="assistant-question"
        rows={3}
        maxLength={ASSISTANT_QUESTION_MAX}
        showCount
        placeholder="Ví dụ: Hòa giải tranh chấp đất đai ở xã phải xong trong bao lâu?"
        value={question}
        onChange={(e) => setQuestion(e.target.value)}
        onPressEnter={(e) => {
          if (!e.shiftKey) {
            e.preventDefault();
            send(question);
          }
        }}
      />
      <div style={{ margin: '12px 0' }}>
        <Button type="primary" onClick={() => send(question)} loading={ask.isPending} disabled={question.trim().length < 3}>
          Hỏi trợ lý
        </Button>
      </div>
      <div style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">Câu hỏi mẫu:</Typography.Text>
        <ul style={{ paddingLeft: 20, margin: '4px 0 0' }}>
          {EXAMPLES.map((e) => (
            <li key={e}>
              <Typography.Link onClick={() => send(e)}>{e}</Typography.Link>
            </li>
          ))}
        </ul>
      </div>
      {ask.error && <Alert type="error" showIcon message={errorMessage(ask.error)} />}
      {a && a.noAnswer && <Alert data-testid="assistant-no-answer" type="warning" showIcon message={a.answer} />}
      {a && !a.noAnswer && (
        <Card size="small" title="Trả lời" data-testid="assistant-answer">
          <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{a.answer}</Typography.Paragraph>
          <Typography.Title level={5}>Nguồn trích dẫn</Typography.Title>
          <List
            size="small"
            dataSource={a.citations}
            renderItem={(c, i) => (
              <List.Item data-testid="assistant-citation">
                <List.Item.Meta
                  title={
                    <span>
                      [{i + 1}] <Link to={`/hoc-lieu/${c.materialId}`}>{c.title}</Link> — {c.section}
                    </span>
                  }
                  description={<blockquote style={{ margin: 0, paddingLeft: 12, borderLeft: '3px solid #d9d9d9' }}>{c.quote}</blockquote>}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}
