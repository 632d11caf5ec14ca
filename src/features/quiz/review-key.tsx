import type { Question, QuizData } from '../../domain/course.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { COURSE_LANG } from '../../ui/course-lang.ts';

/** Review mode: the quiz's answer key with every id, so a reviewer checks it without answering. */
export function QuizReviewKey({ quiz }: { quiz: QuizData }) {
  const { t } = useTranslation();
  return (
    <aside className="review-key" aria-label={t('trainer.review.quizKey', { id: quiz.id })}>
      <p className="review-title">{t('trainer.review.label')} · <code>{quiz.id}</code></p>
      <ol>
        {quiz.questions.map((q) => (
          <li key={q.id}>
            <p><code>{q.id}</code> · {t(`trainer.review.type.${q.type}`)} · {t('trainer.review.points', { count: q.points })}{q.partial ? ` · ${t('trainer.review.partial')}` : ''}</p>
            <p lang={COURSE_LANG}>{q.prompt}</p>
            <AnswerKey q={q} />
          </li>
        ))}
      </ol>
    </aside>
  );
}

function AnswerKey({ q }: { q: Question }) {
  const { t } = useTranslation();
  if (q.type === 'truefalse') return <p>{t('trainer.review.answer')}: {q.answer ? t('trainer.review.true') : t('trainer.review.false')}</p>;
  if (q.type === 'match')
    return (
      <ul>
        {q.pairs.map((p) => <li key={p.id}><code>{p.id}</code> <span lang={COURSE_LANG}>{p.left} → {p.right}</span></li>)}
      </ul>
    );
  const List = q.type === 'order' ? 'ol' : 'ul';
  return (
    <List>
      {q.choices.map((c) => (
        <li key={c.id}>
          <code>{c.id}</code>{' '}
          {q.type !== 'order' && <strong>{c.correct ? t('trainer.review.correct') : t('trainer.review.wrong')}</strong>}{' '}
          <span lang={COURSE_LANG}>{c.text}</span>
        </li>
      ))}
    </List>
  );
}
