/**
 * Upload settings of the learner forms (essays, self-reports): one file in field "file", at most
 * LEARNER_UPLOAD_MAX_BYTES. Reading the request is http/upload.ts, for every upload of the API.
 */
import { LEARNER_UPLOAD_MAX_BYTES } from '@app/shared';
import type { UploadOptions } from '../../http/upload.ts';

export type { UploadedFile } from '../../http/upload.ts';

export const LEARNER_UPLOAD: UploadOptions = {
  maxBytes: LEARNER_UPLOAD_MAX_BYTES,
  tooLarge: `Tệp đính kèm vượt quá ${Math.round(LEARNER_UPLOAD_MAX_BYTES / 1024 / 1024)} MB.`,
};
