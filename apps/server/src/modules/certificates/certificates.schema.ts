import { z } from 'zod';
export {
  CertificateItem,
  CertificateListQuery,
  CertificateListResponse,
  CertificateNumberParams,
  CertificatePublicKey,
  CertificatePublicKeyQuery,
  CertificatePublicKeysResponse,
  CertificateVerification,
  IssueClassCertificatesResponse,
  RevokeCertificateRequest,
} from '@app/shared';
export const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
