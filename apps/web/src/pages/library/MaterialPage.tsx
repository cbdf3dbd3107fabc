/**
 * /hoc-lieu/:id: one material. Documents show their sections; videos play with seeking (HTTP range)
 * and resume where the learner stopped; typical cases and quizzes can be answered with explanations.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Progress, Radio, Result, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import {
  LIBRARY_PROGRESS_LABELS,
  LIBRARY_STATUS_LABELS,
  LIBRARY_TYPE_LABELS,
  LIBRARY_VERSION_ACTION_LABELS,
  TRAINING_FIELD_LABELS,
  formatDateTimeVi,
  type LibraryMaterialDetail,
  type LibraryQuizResponse,
} from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { useMaterial } from './libraryApi.ts';

type Progress = { event: 'open' | 'progress' | 'complete'; positionSeconds?: number; progressPercent?: number };
const sendProgress = (id: string, body: Progress) => api.post<{ ok: boolean }>(`/api/library/materials/${id}/progress`, body);

function VideoPlayer({ m }: { m: LibraryMaterialDetail }) {
  const ref = useRef<HTMLVideoElement>(null);
  const lastSent = useRef(0);
  const resumeAt = m.progress?.positionSeconds ?? 0;
  useEffect(() => {
    const v = ref.current;
    if (!v) return;
    const onLoaded = () => {
      if (resumeAt > 0 && resumeAt < v.duration - 0.5) v.currentTime = resumeAt;
    };
    const report = (force: boolean) => {
      if (!v.duration) return;
      const now = Date.now();
      if (!force && now - lastSent.current < 3000) return;
      lastSent.current = now;
      void sendProgress(m.id, {
        event: 'progress',
        positionSeconds: Math.round(v.currentTime * 100) / 100,
        progressPercent: Math.min(100, Math.round((v.currentTime / v.duration) * 100)),
      });
    };
    const onTime = () => report(false);
    const onPause = () => report(true);
    const onSeeked = () => report(true);
    const onEnded = () => void sendProgress(m.id, { event: 'complete', positionSeconds: 0 });
    v.addEventListener('loadedmetadata', onLoaded);
    v.addEventListener('timeupdate', onTime);
    v.addEventListener('pause', onPause);
    v.addEventListener('seeked', onSeeked);
    v.addEventListener('ended', onEnded);
    if (v.readyState >= 1) onLoaded();
    return () => {
      v.removeEventListener('loadedmetadata', onLoaded);
      v.removeEventListener('timeupdate', onTime);
      v.removeEventListener('pause', onPause);
      v.removeEventListener('seeked', onSeeked);
      v.removeEventListener('ended', onEnded);
    };
  }, [m.id, resumeAt]);
  return (
    <div>
      {resumeAt > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={`Tiếp tục xem từ giây thứ ${Math.floor(resumeAt)}`}
          data-testid="resume-note"
        />
      )}
      <video
        ref={ref}
        data-testid="library-video"
        controls
        preload="metadata"
        playsInline
        poster={m.hasPoster ? `/api/library/materials/${m.id}/poster` : undefined}
        src={`/api/library/materials/${m.id}/file`}
        style={{ width: '100%', maxWidth: 720, background: '#000', borderRadius: 6 }}
      >
        Trình duyệt của bạn không phát được video này.
      </video>
    </div>
  );
}

function Quiz({ m, onDone }: { m: LibraryMaterialDetail; onDone: () => void }) {
  const { message } = App.useApp();
  const [answers, setAnswers] = useState<number[]>(() => m.quiz.map(() => -1));
  const [result, setResult] = useState<LibraryQuizResponse | null>(null);
  const submit = useMutation({
    mutationFn: () => api.post<LibraryQuizResponse>(`/api/library/materials/${m.id}/quiz`, { answers }),
    onSuccess: (r) => {
      setResult(r);
      onDone();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Card title="Câu hỏi trắc nghiệm" size="small" data-testid="quiz">
      {m.quiz.map((q, i) => (
        <div key={i} style={{ marginBottom: 16 }}>
          <Typography.Paragraph strong>
            Câu {i + 1}. {q.question}
          </Typography.Paragraph>
          <Radio.Group
            value={answers[i]}
            onChange={(e) => setAnswers((a) => a.map((x, j) => (j === i ? (e.target.value as number) : x)))}
            disabled={!!result}
          >
            <Space direction="vertical">
              {q.options.map((o, k) => (
                <Radio key={k} value={k}>
                  {o}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
          {result && (
            <Alert
              style={{ marginTop: 8 }}
              type={result.results[i]!.correct ? 'success' : 'warning'}
              showIcon
              message={result.results[i]!.correct ? 'Đúng' : `Chưa đúng. Đáp án: ${q.options[result.results[i]!.answer]}`}
              description={result.results[i]!.explanation}
            />
          )}
        </div>
      ))}
      {result ? (
        <Space wrap>
          <Typography.Text strong data-testid="quiz-score">
            Kết quả: {result.correct}/{result.total} câu đúng ({result.score} điểm), điểm cao nhất {result.bestScore}
          </Typography.Text>
          <Button
            onClick={() => {
              setResult(null);
              setAnswers(m.quiz.map(() => -1));
            }}
          >
            Làm lại
          </Button>
        </Space>
      ) : (
        <Button type="primary" loading={submit.isPending} onClick={() => submit.mutate()} disabled={answers.some((a) => a < 0)}>
          Nộp bài
        </Button>
      )}
    </Card>
  );
}

export default function MaterialPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const { data: m, isLoading, error } = useMaterial(id);
  const opened = useRef(false);
  useEffect(() => {
    if (m && m.status === 'published' && !opened.current) {
      opened.current = true;
      void sendProgress(m.id, { event: 'open' });
    }
  }, [m]);
  const complete = useMutation({
    mutationFn: () => sendProgress(id, { event: 'complete' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['library', 'material', id] }),
  });
  if (isLoading) return <Skeleton active />;
  if (error || !m)
    return (
      <Result status="404" title="Không mở được học liệu" subTitle={errorMessage(error)} extra={<Link to="/hoc-lieu">Về thư viện</Link>} />
    );
  const isVideo = m.type === 'video';
  const isPdf = m.mime === 'application/pdf';
  return (
    <div className="library-material" style={{ maxWidth: 900 }}>
      <Link to="/hoc-lieu">← Thư viện học liệu</Link>
      <Typography.Title level={3} style={{ marginTop: 8 }} data-testid="material-title">
        {m.title}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color="blue">{LIBRARY_TYPE_LABELS[m.type]}</Tag>
        {m.status !== 'published' && <Tag color="orange">{LIBRARY_STATUS_LABELS[m.status]}</Tag>}
        <Tag>{m.provinceCode ? 'Dùng trong tỉnh' : 'Dùng chung toàn quốc'}</Tag>
        {m.fields.map((f) => (
          <Tag key={f}>{TRAINING_FIELD_LABELS[f as keyof typeof TRAINING_FIELD_LABELS] ?? f}</Tag>
        ))}
      </Space>
      {m.summary && <Typography.Paragraph>{m.summary}</Typography.Paragraph>}
      {m.progress && (
        <div style={{ maxWidth: 360, marginBottom: 12 }} data-testid="my-progress">
          <Typography.Text type="secondary">
            Tự học: {LIBRARY_PROGRESS_LABELS[m.progress.status as keyof typeof LIBRARY_PROGRESS_LABELS] ?? m.progress.status}
            {m.progress.quizBestScore !== null ? ` · điểm trắc nghiệm cao nhất ${m.progress.quizBestScore}` : ''}
          </Typography.Text>
          <Progress percent={m.progress.progressPercent} size="small" />
        </div>
      )}
      {isVideo && m.hasFile && <VideoPlayer m={m} />}
      {!isVideo && m.hasFile && (
        <Space style={{ marginBottom: 12 }}>
          <a href={`/api/library/materials/${m.id}/file`} target="_blank" rel="noreferrer">
            {isPdf ? 'Mở tệp PDF gốc' : `Tải tệp gốc (${m.fileName ?? 'tệp'})`}
          </a>
        </Space>
      )}
      {m.sections.length > 0 && (
        <Card size="small" title="Nội dung" style={{ marginBottom: 16 }} data-testid="material-sections">
          {m.sections.map((s, i) => (
            <div key={i} id={`muc-${i + 1}`} style={{ marginBottom: 12 }}>
              {s.section !== 'Phần mở đầu' && !s.text.startsWith(s.section.split(', khoản')[0]!) && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.section}
                </Typography.Text>
              )}
              <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>{s.text}</Typography.Paragraph>
            </div>
          ))}
        </Card>
      )}
      {m.quiz.length > 0 && <Quiz m={m} onDone={() => void qc.invalidateQueries({ queryKey: ['library', 'material', id] })} />}
      {m.status === 'published' && m.progress?.status !== 'completed' && !isVideo && m.quiz.length === 0 && (
        <Button style={{ marginTop: 12 }} onClick={() => complete.mutate()} loading={complete.isPending}>
          Đánh dấu đã học xong
        </Button>
      )}
      <Descriptions size="small" column={1} style={{ marginTop: 24 }} title="Thông tin học liệu">
        <Descriptions.Item label="Phiên bản">{m.version}</Descriptions.Item>
        <Descriptions.Item label="Người đăng">{m.ownerName}</Descriptions.Item>
        {m.reviewerName && <Descriptions.Item label="Người duyệt">{m.reviewerName}</Descriptions.Item>}
        {m.publishedAt && <Descriptions.Item label="Công bố">{formatDateTimeVi(m.publishedAt)}</Descriptions.Item>}
        {m.licence && <Descriptions.Item label="Giấy phép">{m.licence}</Descriptions.Item>}
      </Descriptions>
      {(m.can.edit || m.can.review) && m.versions.length > 0 && (
        <Card size="small" title="Lịch sử phiên bản">
          <Timeline
            items={m.versions.map((v) => ({
              children: `${formatDateTimeVi(v.at)} · phiên bản ${v.version} · ${LIBRARY_VERSION_ACTION_LABELS[v.action] ?? v.action} · ${v.byName}${v.note ? ` — ${v.note}` : ''}`,
            }))}
          />
        </Card>
      )}
    </div>
  );
}
