/**
 * The citing assistant (SPEC §11): ranked passages of published documents the user may see; an
 * answer only when the best passage clears the calibrated threshold; the answer quotes the passages.
 * An optional OpenAI-compatible endpoint (ASSISTANT_LLM_URL, ASSISTANT_LLM_MODEL, ASSISTANT_LLM_KEY)
 * may rephrase the answer from those passages only; the citations are always returned as found.
 */
import { ASSISTANT_NO_ANSWER, type AssistantAskResponse } from '@app/shared';
import type { Actor } from '../../authz/policy.ts';
import { assertCan } from '../../authz/policy.ts';
import type { DbOrTx } from '../../db/client.ts';
import * as repo from '../library/library.repository.ts';
import { visibilityOf } from '../library/library.service.ts';
import { composeAnswer, pickCitations, questionTerms, quoteOf, scorePassage, type ScoredPassage } from './assistant.rules.ts';

export interface LlmConfig {
  url: string;
  model: string;
  key: string | undefined;
}

export function llmConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LlmConfig | null {
  if (!env.ASSISTANT_LLM_URL) return null;
  return {
    url: env.ASSISTANT_LLM_URL.replace(/\/$/, ''),
    model: env.ASSISTANT_LLM_MODEL ?? 'default',
    key: env.ASSISTANT_LLM_KEY || undefined,
  };
}

/** Scored passages for a question (used by the route and by the evaluation benchmark). */
export async function rankPassages(db: DbOrTx, actor: Actor, question: string): Promise<ScoredPassage[]> {
  const terms = questionTerms(question.normalize('NFC'));
  const cands = await repo.candidatePassages(db, visibilityOf(actor), terms.unigrams);
  if (cands.length === 0) return [];
  const { df, n } = await repo.passageDocumentFrequencies(db, terms.unigrams);
  return cands
    .map((c) => ({
      materialId: c.material_id,
      title: c.title,
      section: c.section,
      text: c.text,
      score: scorePassage(terms, `${c.title}\n${c.section}\n${c.text}`, df, n, c.section),
    }))
    .sort((a, b) => b.score - a.score);
}

async function rephrase(
  llm: LlmConfig,
  question: string,
  cites: { title: string; section: string; quote: string }[],
): Promise<string | null> {
  const context = cites.map((c, i) => `[${i + 1}] ${c.title}, ${c.section}: ${c.quote}`).join('\n');
  try {
    const res = await fetch(`${llm.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(llm.key ? { authorization: `Bearer ${llm.key}` } : {}) },
      body: JSON.stringify({
        model: llm.model,
        temperature: 0,
        messages: [
          {
            role: 'system',
            content:
              'Bạn là trợ lý tra cứu quy định cho cán bộ, công chức cấp xã. Chỉ trả lời bằng tiếng Việt, chỉ dựa vào các đoạn trích được cung cấp, ghi số [n] của đoạn đã dùng. Không thêm thông tin ngoài các đoạn trích.',
          },
          { role: 'user', content: `Câu hỏi: ${question}\n\nCác đoạn trích:\n${context}` },
        ],
      }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { choices?: { message?: { content?: string } }[] };
    const text = body.choices?.[0]?.message?.content?.trim();
    return text ? text.slice(0, 4000) : null;
  } catch {
    return null;
  }
}

/** The passage without its first line when that line only repeats the section heading. */
function withoutHeading(section: string, text: string): string {
  const nl = text.indexOf('\n');
  if (nl < 0) return text;
  const first = text.slice(0, nl).trim().replace(/\.$/, '');
  return first && section.startsWith(first) ? text.slice(nl + 1) : text;
}

export async function ask(deps: { db: DbOrTx; llm?: LlmConfig | null }, actor: Actor, question: string): Promise<AssistantAskResponse> {
  assertCan(actor, 'library.read');
  const q = question.normalize('NFC').trim();
  const picked = pickCitations(await rankPassages(deps.db, actor, q));
  if (picked.length === 0) return { answer: ASSISTANT_NO_ANSWER, noAnswer: true, citations: [] };
  const citations = picked.map((p) => ({
    materialId: p.materialId,
    title: p.title,
    section: p.section,
    quote: quoteOf(withoutHeading(p.section, p.text)),
  }));
  const llm = deps.llm === undefined ? llmConfigFromEnv() : deps.llm;
  const phrased = llm ? await rephrase(llm, q, citations) : null;
  return { answer: phrased ?? composeAnswer(citations), noAnswer: false, citations };
}
