import { useId, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import { placeRisk } from '../../domain/progress-updates.ts';
import { placementMatches, RISK_LEVELS, riskGrade, type Placement } from '../../domain/risk.ts';
import { currentProgress, useStore } from '../../state/store.ts';
import { useChapter } from '../../ui/chapter-context.ts';
import { useReviewMode } from '../../ui/review-mode.ts';
import { RiskMatrixReviewRatings } from './review-ratings.tsx';

/**
 * The learner rates each risk's likelihood and impact (native selects: keyboard and screen-reader friendly),
 * sees the grade that follows, places it on the matrix, and compares with the trainer's rating.
 */
export function RiskMatrix({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { interactive } = useChapter();
  const m = interactive.matrices.find((x) => x.id === id);
  const placed = useStore((s) => currentProgress(s).matrices[id]);
  const updateProgress = useStore((s) => s.updateProgress);
  const review = useReviewMode();
  const [checked, setChecked] = useState(false);
  // a risk rated on one axis only: held here until both are chosen, so it is not graded on a value the learner never picked
  const [pending, setPending] = useState<Record<string, Partial<Placement>>>({});
  const uid = useId();
  if (!m) return null;
  const all = m.risks.every((r) => placed?.[r.id]);
  const right = m.risks.filter((r) => placed?.[r.id] && placementMatches(placed[r.id]!, r)).length;
  const level = (n: number) => t(`matrix.levels.${String(n) as '1' | '2' | '3' | '4'}`);
  const show = checked || all;

  return (
    // interface text in the interface's language; the course text in it is marked zh-CN
    <section className="risk-matrix" aria-labelledby={`rm-${id}`} lang={i18n.language}>
      <p className="eyebrow">{t('matrix.label')}</p>
      <h3 id={`rm-${id}`} lang="zh-CN">{m.title}</h3>
      <p className="hint">{t('matrix.legend')}</p>
      {review && <RiskMatrixReviewRatings matrix={m} />}
      <ol className="risk-list">
        {m.risks.map((r, i) => {
          const p = placed?.[r.id];
          const grade = p ? riskGrade(p.likelihood, p.impact) : undefined;
          const set = (key: 'likelihood' | 'impact', v: number) => {
            const next = { ...(p ?? pending[r.id]), [key]: v };
            if (next.likelihood === undefined || next.impact === undefined) {
              setPending((prev) => ({ ...prev, [r.id]: next }));
              return;
            }
            const placement = { likelihood: next.likelihood, impact: next.impact };
            updateProgress((prog) => placeRisk(prog, id, r.id, placement));
            if (pending[r.id]) setPending(({ [r.id]: _, ...rest }) => rest);
          };
          return (
            <li key={r.id} className="risk-item">
              <p className="risk-text" id={`${uid}-${r.id}`} lang="zh-CN"><span className="risk-no">{String.fromCharCode(65 + i)}</span>{r.text}</p>
              <div className="risk-controls">
                {(['likelihood', 'impact'] as const).map((key) => (
                  <label key={key}>
                    <span>{t(`matrix.${key}`)}</span>
                    <select value={p?.[key] ?? pending[r.id]?.[key] ?? ''} aria-describedby={`${uid}-${r.id}`} onChange={(e) => set(key, Number(e.target.value))}>
                      {!p && <option value="">—</option>}
                      {RISK_LEVELS.map((n) => <option key={n} value={n}>{n} · {level(n)}</option>)}
                    </select>
                  </label>
                ))}
                <span className={`grade ${grade ?? 'none'}`}>{grade ? t('matrix.gradeLabel', { grade: t(`matrix.grade.${grade}`) }) : ''}</span>
              </div>
              {show && p && (
                <p className={`risk-check ${placementMatches(p, r) ? 'ok' : 'off'}`}>
                  {placementMatches(p, r)
                    ? t('matrix.matches')
                    : t('matrix.differs', { l: r.likelihood, i: r.impact, grade: t(`matrix.grade.${riskGrade(r.likelihood, r.impact)}`) })}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <MatrixGrid risks={m.risks.map((r, i) => ({ label: String.fromCharCode(65 + i), p: placed?.[r.id] }))} />
      <div className="matrix-footer">
        <p>{t('matrix.placed', { placed: m.risks.filter((r) => placed?.[r.id]).length, total: m.risks.length })}</p>
        {!all && <button type="button" className="button secondary" onClick={() => setChecked(true)}>{t('matrix.check')}</button>}
      </div>
      <p aria-live="polite" className="matrix-summary">{show ? t('matrix.summary', { right, total: m.risks.length }) : ''}</p>
    </section>
  );
}

function MatrixGrid({ risks }: { risks: { label: string; p?: { likelihood: number; impact: number } }[] }) {
  const { t } = useTranslation();
  const levels = [...RISK_LEVELS].reverse();
  return (
    <table className="matrix-grid">
      <caption className="visually-hidden">{t('matrix.label')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('matrix.impact')} ↓ / {t('matrix.likelihood')} →</th>
          {RISK_LEVELS.map((l) => <th key={l} scope="col">{l}</th>)}
        </tr>
      </thead>
      <tbody>
        {levels.map((i) => (
          <tr key={i}>
            <th scope="row">{i}</th>
            {RISK_LEVELS.map((l) => {
              const grade = riskGrade(l, i);
              const here = risks.filter((r) => r.p?.likelihood === l && r.p.impact === i).map((r) => r.label);
              return (
                <td key={l} className={`cell ${grade}`}>
                  <span className="cell-grade">{t(`matrix.grade.${grade}`)}</span>
                  {here.length > 0 && <span className="cell-risks">{here.join(' ')}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
