/** Builders for the exporter tests: the fixture learner's record, and records with one thing changed. */
import { buildCompletionRecord, type CompletionRecord, type InteractionRecord } from '../domain/completion-record.ts';
import { finishedLearner, recordCourse } from '../domain/completion-record-builders.ts';

export function fixtureRecord(change: Partial<CompletionRecord> = {}): CompletionRecord {
  return { ...buildCompletionRecord({ ...recordCourse(), ...finishedLearner() }), ...change };
}

/** A choice interaction with `n` choices whose ids are `prefix` + index. */
export function choiceInteraction(n: number, extra: Partial<InteractionRecord> = {}, prefix = 'c'): InteractionRecord {
  const choices = Array.from({ length: n }, (_, k) => ({ id: `${prefix}${k}`, text: `选项${k}` }));
  return {
    key: 'quiz/q/1/big',
    id: 'big',
    kind: 'chapter-question',
    type: 'choice',
    questionType: 'multiple',
    description: '很多选项的问题',
    choices,
    response: { type: 'choice', ids: choices.map((c) => c.id) },
    correct: [{ type: 'choice', ids: choices.slice(0, 1).map((c) => c.id) }],
    result: 'incorrect',
    score: 0,
    weight: 1,
    minScore: 0,
    at: Date.UTC(2026, 2, 1),
    part: 1,
    source: { kind: 'quiz', chapterId: 'risk', quizId: 'q', attempt: 1 },
    ...extra,
  };
}
