/**
 * Public certificate verification `/xac-thuc/:number` (SPEC §6): no login, outside the app layout,
 * phone-first. Valid / revoked (with reason) / invalid in big words with colour AND text, the
 * masked holder, programme, class dates, issuer, issue date, and how to verify a file offline.
 */
import { useState } from 'react';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Skeleton } from 'antd';
import {
  CERTIFICATE_VERIFY_STATUS_LABELS,
  certificateVerifyPath,
  formatDateVi,
  type CertificatePublicKey,
  type CertificateVerification,
} from '@app/shared';
import { useNavigate, useParams } from 'react-router-dom';
import './verify.css';

class NotFound extends Error {}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, credentials: 'omit' });
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  if (res.status === 404) throw new NotFound(body.message ?? 'Không tìm thấy giấy chứng nhận.');
  if (!res.ok) throw new Error(body.message ?? 'Máy chủ đang bận. Vui lòng thử lại sau ít phút.');
  return body as T;
}

const STATUS = {
  valid: { cls: 'verify-valid', icon: <CheckCircleFilled />, title: 'HỢP LỆ' },
  revoked: { cls: 'verify-revoked', icon: <CloseCircleFilled />, title: 'ĐÃ BỊ THU HỒI' },
  invalid: { cls: 'verify-invalid', icon: <ExclamationCircleFilled />, title: 'KHÔNG HỢP LỆ' },
} as const;

function pemHref(pem: string): string {
  return `data:application/x-pem-file;charset=utf-8,${encodeURIComponent(pem)}`;
}

export default function VerifyPage() {
  const { number: param = '' } = useParams();
  const navigate = useNavigate();
  const [other, setOther] = useState('');
  const v = useQuery({
    queryKey: ['public', 'verify', param],
    queryFn: () => getJson<CertificateVerification>(`/api/certificates/${encodeURIComponent(param)}/verify`),
    retry: (n, err) => !(err instanceof NotFound) && n < 2,
  });
  const key = useQuery({
    queryKey: ['public', 'key', v.data?.keyId],
    queryFn: () => getJson<CertificatePublicKey>(`/api/certificates/public-key?keyId=${v.data?.keyId ?? ''}`),
    enabled: Boolean(v.data?.keyId),
  });
  const d = v.data;
  const s = d ? STATUS[d.status] : null;

  return (
    <div className="verify-page">
      <header className="verify-header">
        <img src="/favicon.svg" alt="" width={40} height={40} />
        <div>
          <h1>Xác thực giấy chứng nhận, chứng chỉ bồi dưỡng</h1>
          <small>Bồi dưỡng cán bộ, công chức cấp xã — Quyết định 700/QĐ-TTg</small>
        </div>
      </header>
      <main className="verify-main">
        {v.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
        {v.error && (
          <section className={`verify-status ${v.error instanceof NotFound ? 'verify-missing' : 'verify-invalid'}`} role="alert">
            <QuestionCircleFilled />
            <div>
              <h2 className="verify-status-title">{v.error instanceof NotFound ? 'KHÔNG TÌM THẤY' : 'CHƯA KIỂM TRA ĐƯỢC'}</h2>
              <p>{v.error.message}</p>
              {v.error instanceof NotFound ? (
                <p style={{ marginTop: 6 }}>Giấy không có trong hệ thống thì không được công nhận.</p>
              ) : (
                <Button style={{ marginTop: 8 }} onClick={() => void v.refetch()}>
                  Thử lại
                </Button>
              )}
            </div>
          </section>
        )}
        {d && s && (
          <>
            <section className={`verify-status ${s.cls}`} role="status" aria-label={`Kết quả xác thực: ${CERTIFICATE_VERIFY_STATUS_LABELS[d.status]}`}>
              {s.icon}
              <div>
                <h2 className="verify-status-title">{s.title}</h2>
                <p>{d.message}</p>
              </div>
            </section>
            <dl className="verify-facts">
              <div>
                <dt>Số giấy</dt>
                <dd>{d.number}</dd>
              </div>
              <div>
                <dt>Người được cấp (viết tắt họ và tên đệm)</dt>
                <dd>{d.holder}</dd>
              </div>
              <div>
                <dt>Chương trình bồi dưỡng</dt>
                <dd>
                  {d.programme.name}
                  <div style={{ fontSize: 14, fontWeight: 400, color: '#5b6472' }}>{d.programme.typeLabel}</div>
                </dd>
              </div>
              <div>
                <dt>Thời gian học</dt>
                <dd>
                  {formatDateVi(d.classDates.startDate)} – {formatDateVi(d.classDates.endDate)}
                </dd>
              </div>
              <div>
                <dt>Cơ sở cấp</dt>
                <dd>{d.issuer.name}</dd>
              </div>
              <div>
                <dt>Ngày cấp</dt>
                <dd>{formatDateVi(d.issuedAt)}</dd>
              </div>
              {d.revoked && (
                <div>
                  <dt>Thu hồi</dt>
                  <dd>
                    {d.revokedAt ? `Ngày ${formatDateVi(d.revokedAt)}` : 'Đã thu hồi'}
                    {d.revokedReason ? ` — Lý do: ${d.revokedReason}` : ''}
                  </dd>
                </div>
              )}
            </dl>
            <section className="verify-box">
              <h2>Kiểm tra tệp PDF khi không có mạng</h2>
              <ol style={{ paddingLeft: 20, margin: 0 }}>
                <li>
                  Tệp PDF của giấy chứa dữ liệu đã ký số ({d.algorithm}, mã khóa <code>{d.keyId}</code>).
                </li>
                <li>
                  Tải khóa công khai:{' '}
                  {key.data ? (
                    <a href={pemHref(key.data.publicKeyPem)} download={`khoa-cong-khai-${d.keyId}.pem`}>
                      khoa-cong-khai-{d.keyId}.pem
                    </a>
                  ) : (
                    <a href={`/api/certificates/public-key?keyId=${d.keyId}`}>khóa công khai (JSON)</a>
                  )}
                  .
                </li>
                <li>
                  Cơ quan cần kiểm tra dùng công cụ kiểm tra chữ ký của phần mềm: <code>npm run cert:verify -- giay.pdf --public-key khoa-cong-khai-{d.keyId}.pem</code>. Kết quả “HỢP LỆ” nghĩa là nội
                  dung tệp không bị sửa.
                </li>
                <li>Kiểm tra không có mạng không biết giấy đã bị thu hồi hay chưa; khi có mạng, hãy quét lại mã QR để mở trang này.</li>
              </ol>
            </section>
            <p style={{ color: '#5b6472', fontSize: 14 }}>
              Trang này chỉ hiện những thông tin cần để đối chiếu; họ và tên đệm được viết tắt để bảo vệ thông tin cá nhân. Hãy đối chiếu với giấy gốc.
            </p>
          </>
        )}
        <section className="verify-box">
          <h2>Tra cứu số giấy khác</h2>
          <Input.Search
            aria-label="Số giấy chứng nhận cần tra cứu"
            placeholder="Ví dụ: TCT.66/2026/000001"
            enterButton="Tra cứu"
            size="large"
            value={other}
            onChange={(e) => setOther(e.target.value)}
            onSearch={(x) => x.trim() && void navigate(certificateVerifyPath(x.trim()))}
          />
        </section>
      </main>
    </div>
  );
}
