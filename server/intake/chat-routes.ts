/**
 * The chat page's routes: each post carries the answers so far and the new one; the next question is
 * the first one not answered validly, checked by the intake's own reading so the messages are the same,
 * and the request is created through the chat intake once the customer sends it.
 */
import type { FastifyInstance } from 'fastify';
import { INTAKE_FIELDS, type IntakeField } from '../../shared/api/intake';
import type { Clock } from '../../shared/domain/time';
import type { Limit } from '../rate-limits';
import { type ChatAnswers, type ChatStep, renderChat } from './chat-page';
import { createIntakeTicket, readIntake } from './create';
import { renderProblem } from './form';
import { formText, formValues, registerPages, sendPage } from './page-scope';
import { registerReceipt } from './receipt';
import type { IntakeStore } from './store';

export const CHAT_PAGE_PATH = '/chat';
export const CHAT_RECEIPT_PATH = `${CHAT_PAGE_PATH}/received`;

const asField = (value: string | undefined): IntakeField | null =>
  INTAKE_FIELDS.find((field) => field === value) ?? null;

/**
 * The first question without a valid answer, with the intake's message when it has an invalid one, or the
 * review once all are answered. Answers after it are kept: a changed answer does not undo the others.
 */
export async function nextStep(store: IntakeStore, answers: ChatAnswers): Promise<ChatStep> {
  const reading = await readIntake(store, answers);
  const issues = reading.ok ? [] : reading.issues;
  for (const field of INTAKE_FIELDS) {
    const answer = answers[field];
    if (answer === undefined) return { kind: 'ask', field, error: null, draft: '' };
    const issue = issues.find((candidate) => candidate.path === field);
    if (issue !== undefined) return { kind: 'ask', field, error: issue.message, draft: answer };
  }
  return { kind: 'review' };
}

/** The answers a post carries, with its new answer in, and the one the customer asked to change taken out. */
function readPost(body: unknown): { answers: ChatAnswers; changing: { field: IntakeField; was: string } | null } {
  const answers: ChatAnswers = formValues(body, INTAKE_FIELDS);
  const asking = asField(formText(body, 'asking'));
  const answer = formText(body, 'answer');
  if (asking !== null && answer !== undefined) answers[asking] = answer;
  const change = asField(formText(body, 'change'));
  if (change === null) return { answers, changing: null };
  const was = answers[change] ?? '';
  delete answers[change];
  return { answers, changing: { field: change, was } };
}

export function registerChatPage(
  app: FastifyInstance,
  {
    store,
    clock,
    limit,
    formPath,
    bodyLimit,
  }: { store: IntakeStore; clock: Clock; limit: Limit; formPath: string; bodyLimit: number },
): void {
  const problemPage = (status: number) => renderProblem(status, CHAT_PAGE_PATH);
  registerPages(app, { name: 'chat page', problemPage }, (pages) => {
    const show = async (answers: ChatAnswers, step: ChatStep) =>
      renderChat({ action: CHAT_PAGE_PATH, formPath, resellers: await store.resellers(), answers, step });

    pages.get(CHAT_PAGE_PATH, async (_request, reply) =>
      sendPage(reply, 200, await show({}, await nextStep(store, {}))),
    );

    pages.post(CHAT_PAGE_PATH, { bodyLimit }, async (request, reply) => {
      const { answers, changing } = readPost(request.body ?? {});
      const step = await nextStep(store, answers);
      if (step.kind === 'ask') {
        // Asked again to change an answer: what was given is there to edit.
        const draft = changing?.field === step.field ? changing.was : step.draft;
        return sendPage(reply, step.error === null ? 200 : 400, await show(answers, { ...step, draft }));
      }
      if (formText(request.body, 'send') !== 'yes') return sendPage(reply, 200, await show(answers, step));
      // Only sending opens a request: the answers before it are not limited.
      return limit.guard(request, reply, async (count) => {
        const intake = await readIntake(store, answers);
        // nextStep found every answer valid; a reseller removed since is asked for again.
        if (!intake.ok) return sendPage(reply, 400, await show(answers, await nextStep(store, answers)));
        const ticket = await createIntakeTicket(store, intake, 'chat', clock());
        count();
        return reply.redirect(`${CHAT_RECEIPT_PATH}/${ticket.number}`, 303);
      });
    });

    registerReceipt(pages, store, CHAT_RECEIPT_PATH, CHAT_PAGE_PATH);
  });
}
