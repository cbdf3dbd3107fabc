/** Puts server-side field errors (ApiError.fields) onto the matching antd Form fields. */
import type { FormInstance } from 'antd';
import { ApiError } from './client.ts';

/**
 * Under a field its label is already visible, so drop a "Tên đăng nhập (username): " prefix the
 * server adds for messages shown on their own, and start with a capital letter.
 */
export function fieldMessage(message: string): string {
  const m = message.replace(/^[^:]*\([\w.]+\):\s*/, '');
  return m.charAt(0).toUpperCase() + m.slice(1);
}

/**
 * Returns true when at least one field error was placed on the form, so the caller can skip a
 * general alert. `rename` maps server field names onto form field names where they differ.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, rename: Record<string, string> = {}): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const placed: Array<{ name: string; errors: string[] }> = [];
  for (const f of err.fields) {
    const last = f.field.split('.').pop() ?? f.field;
    const name = rename[f.field] ?? rename[last] ?? last;
    if (known.has(name)) placed.push({ name, errors: [fieldMessage(f.message)] });
  }
  if (placed.length > 0) form.setFields(placed);
  return placed.length > 0;
}

interface SafeParser {
  safeParse(v: unknown): { success: true } | { success: false; error: { issues: Array<{ message: string }> } };
}

/**
 * An antd rule from a shared zod schema (one schema for the server check and the form), for
 * schemas whose messages are already Vietnamese. Empty values are left to a `required` rule.
 */
export function zodRule(schema: SafeParser, fallback = 'Giá trị không hợp lệ') {
  return {
    validator: async (_: unknown, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const r = schema.safeParse(typeof value === 'string' ? value.trim() : value);
      if (!r.success) throw new Error(fieldMessage(r.error.issues[0]?.message ?? fallback));
    },
  };
}

/** '' → null so an optional text field can be cleared on the server. */
export const emptyToNull = (v: string | null | undefined): string | null => (v && v.trim() ? v.trim() : null);
