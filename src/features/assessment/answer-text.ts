import type { Question } from '../../domain/course.ts';
import type { Answer } from '../../domain/scoring.ts';

/** An answer in words (course text), for the list of questions missed: "A；C", "正确", "甲 → 乙；…". */
export function answerText(q: Question, a: Answer | undefined, words: { true: string; false: string; none: string }): string {
  const choice = (id: string) => q.choices.find((c) => c.id === id)?.text ?? id;
  if (!a || a.type !== q.type) return words.none;
  switch (a.type) {
    case 'single':
      return choice(a.choice);
    case 'multiple':
      return a.choices.length ? q.choices.filter((c) => a.choices.includes(c.id)).map((c) => c.text).join('；') : words.none;
    case 'truefalse':
      return a.value ? words.true : words.false;
    case 'order':
      return a.order.map(choice).join(' → ');
    case 'match':
      return q.pairs.map((p) => `${p.left} → ${q.pairs.find((x) => x.id === a.pairs[p.id])?.right ?? words.none}`).join('；');
  }
}
