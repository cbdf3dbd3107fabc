import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ today: '2027-02-05' });
});
afterAll(() => t.close());

describe('GET /api/health', () => {
  it('answers ok with the pinned date once the database is ready', async () => {
    const res = await t.client().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', today: '2027-02-05' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});
