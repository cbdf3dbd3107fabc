import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { metaOf, requireActor } from '../../http/context.ts';
import { publicBaseUrl } from './certificate-keys.ts';
import {
  CertificateItem,
  CertificateListQuery,
  CertificateListResponse,
  CertificateNumberParams,
  CertificatePublicKey,
  CertificatePublicKeyQuery,
  CertificatePublicKeysResponse,
  CertificateVerification,
  IdParams,
  IssueClassCertificatesResponse,
  RevokeCertificateRequest,
} from './certificates.schema.ts';
import * as service from './certificates.service.ts';
import * as documents from './documents.service.ts';
import * as verification from './verification.service.ts';
import { contentDisposition as attachment } from '../../http/download.ts';

/** Where QR codes point: PUBLIC_BASE_URL, else the origin the request came to. */
function baseUrlOf(req: FastifyRequest): string {
  return publicBaseUrl() ?? `${req.protocol}://${req.host}`;
}

export const certificatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['Giấy chứng nhận, chứng chỉ'];
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock, config: app.deps.config });

  app.post(
    '/api/classes/:id/certificates',
    {
      schema: {
        tags,
        summary: 'Cấp giấy chứng nhận cho mọi học viên đã hoàn thành của lớp đã kết thúc (chưa có giấy)',
        params: IdParams,
        response: { 200: IssueClassCertificatesResponse, 201: IssueClassCertificatesResponse },
      },
    },
    async (req, reply) => {
      const out = await service.issueForClass(deps(), requireActor(req), req.params.id, metaOf(req));
      return reply.status(out.issued.length > 0 ? 201 : 200).send(out);
    },
  );
  app.post(
    '/api/enrolments/:id/certificate',
    {
      schema: { tags, summary: 'Cấp giấy chứng nhận cho một học viên đã hoàn thành', params: IdParams, response: { 201: CertificateItem } },
    },
    async (req, reply) => reply.status(201).send(await service.issueForEnrolment(deps(), requireActor(req), req.params.id, metaOf(req))),
  );
  app.get(
    '/api/certificates',
    {
      schema: {
        tags,
        summary: 'Danh sách giấy chứng nhận trong phạm vi (học viên: của mình; cơ sở đào tạo: lớp mình tổ chức)',
        querystring: CertificateListQuery,
        response: { 200: CertificateListResponse },
      },
    },
    (req) => service.listCertificates(deps(), requireActor(req), req.query),
  );
  app.get(
    '/api/certificates/public-key',
    {
      schema: {
        tags,
        summary: 'Khóa công khai Ed25519 để kiểm tra chữ ký (công khai; keyId: một khóa trước đây)',
        querystring: CertificatePublicKeyQuery,
        response: { 200: CertificatePublicKey },
      },
    },
    (req) => verification.publicKey(deps(), req.query.keyId),
  );
  app.get(
    '/api/certificates/public-keys',
    {
      schema: {
        tags,
        summary: 'Mọi khóa công khai đã dùng để ký (công khai; phục vụ xoay vòng khóa)',
        response: { 200: CertificatePublicKeysResponse },
      },
    },
    () => verification.publicKeys(deps()),
  );
  app.get(
    '/api/certificates/:number/verify',
    {
      schema: {
        tags,
        summary: 'Xác thực giấy chứng nhận (công khai, không cần đăng nhập): hợp lệ / đã thu hồi / sai chữ ký',
        params: CertificateNumberParams,
        response: { 200: CertificateVerification },
      },
    },
    (req) => verification.verifyCertificate(deps(), req.params.number),
  );
  app.get(
    '/api/certificates/:number',
    {
      schema: { tags, summary: 'Một giấy chứng nhận (trong phạm vi)', params: CertificateNumberParams, response: { 200: CertificateItem } },
    },
    (req) => service.getCertificate(deps(), requireActor(req), req.params.number),
  );
  app.get(
    '/api/certificates/:number/pdf',
    { schema: { tags, summary: 'Tải bản PDF (có mã QR và dữ liệu ký số nhúng trong tệp)', params: CertificateNumberParams } },
    async (req, reply) => {
      const { fileName, pdf } = await documents.certificatePdf(deps(), requireActor(req), req.params.number, baseUrlOf(req));
      return reply.type('application/pdf').header('content-disposition', attachment(fileName)).send(pdf);
    },
  );
  app.post(
    '/api/certificates/:number/revoke',
    {
      schema: {
        tags,
        summary: 'Thu hồi giấy chứng nhận, có lý do (Bộ Nội vụ, cơ sở đã cấp, Sở Nội vụ của tỉnh người được cấp)',
        params: CertificateNumberParams,
        body: RevokeCertificateRequest,
        response: { 200: CertificateItem },
      },
    },
    (req) => service.revokeCertificate(deps(), requireActor(req), req.params.number, req.body, metaOf(req)),
  );
  app.get(
    '/api/classes/:id/certificates.zip',
    { schema: { tags, summary: 'Tải tệp .zip các bản PDF giấy chứng nhận của lớp (trong phạm vi)', params: IdParams } },
    async (req, reply) => {
      const { fileName, stream } = await documents.classCertificatesZip(deps(), requireActor(req), req.params.id, baseUrlOf(req));
      return reply.type('application/zip').header('content-disposition', attachment(fileName)).send(stream);
    },
  );
};
