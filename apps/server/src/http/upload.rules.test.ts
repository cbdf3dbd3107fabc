/** Unit tests of what an upload really is (http/upload.rules.ts). */
import { describe, expect, it } from 'vitest';
import { checkUpload, claimedKind, sniffFile } from './upload.rules.ts';
import { DOCX, JPG, PDF, PNG } from '../modules/learner/test-support.ts';

describe('tệp tải lên', () => {
  it('nhận ra loại tệp theo nội dung, không theo tên', () => {
    expect(sniffFile(PDF)).toBe('pdf');
    expect(sniffFile(PNG)).toBe('png');
    expect(sniffFile(JPG)).toBe('jpg');
    expect(sniffFile(DOCX)).toBe('docx');
    expect(sniffFile(Buffer.from('PK\u0003\u0004[Content_Types].xml xl/workbook.xml'))).toBe('xlsx');
    expect(sniffFile(Buffer.from('PK\u0003\u0004something.txt'))).toBeNull();
    expect(sniffFile(Buffer.from('hello'))).toBeNull();
    expect(claimedKind('Bao cao.JPEG')).toBe('jpg');
    expect(claimedKind('khong-duoi')).toBe('');
  });
  it('từ chối tên tệp không khớp nội dung, loại không nhận, tệp rỗng, tệp quá lớn', () => {
    expect(checkUpload('a.pdf', PDF, ['pdf'], 1000)).toEqual({ kind: 'pdf' });
    expect(checkUpload('a.JPEG', JPG, ['jpg'], 1000)).toEqual({ kind: 'jpg' });
    expect(checkUpload('a.pdf', PNG, ['pdf', 'png'], 1000)).toEqual({
      problem: 'tên tệp có đuôi ".pdf" nhưng nội dung là PNG; hãy đặt đúng đuôi tệp',
    });
    expect(checkUpload('a.png', PNG, ['pdf'], 1000)).toEqual({ problem: 'nội dung tệp không phải PDF (chỉ nhận PDF)' });
    expect(checkUpload('a.docx', Buffer.from('PK\u0003\u0004xl/workbook.xml'), ['pdf', 'docx'], 1000)).toHaveProperty('problem');
    expect(checkUpload('a.pdf', Buffer.alloc(0), ['pdf'], 1000)).toEqual({ problem: 'tệp rỗng' });
    expect(checkUpload('a.pdf', PDF, ['pdf'], 10)).toEqual({ problem: 'vượt quá 0 MB' });
  });
});
