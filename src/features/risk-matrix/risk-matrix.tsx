import { useId, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { RiskMatrixData } from '../../domain/course.ts';
import { placeRisk } from '../../domain/progress-updates.ts';
import { placementMatches, RISK_LEVELS, riskGrade, type Placement } from '../../domain/risk.ts';
import { currentProgress, useStore } from '../../state/store.ts';
import { useChapter } from '../../ui/chapter-context.ts';
import { useMediaQuery } from '../../ui/use-media-query.ts';
import { useReviewMode } from '../../ui/review-mode.ts';
import { RiskMatrixReviewRatings } from './review-ratings.tsx';
import { COURSE_LANG } from '../../ui/course-lang.ts';

type Axis = 'likelihood' | 'impact';
const letter = (i: number) => String.fromCharCode(65 + i);

/**
 * The learner rates each risk's likelihood and impact, in the scale words of the chapter, either with two native
 * selects (keyboard and screen-reader friendly) or by tapping the matrix cell; sees the grade that follows; and
 * compares with the trainer's rating. On a desktop the matrix sits beside the list; on a phone it opens inside
 * the risk being placed.
 */
export function RiskMatrix({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { interactive } = useChapter();
  const m = interactive.matrices.find((x) => x.id === id);
  const placed = useStore((s) => currentProgress(s).matrices[id]);
  const updateProgress = useStore((s) => s.updateProgress);
  const review = useReviewMode();
  const wide = useMediaQuery('(min-width: 900px)');
  const [checked, setChecked] = useState(false);
  // a risk rated on one axis only: held here until both are chosen, so it is not graded on a value the learner never picked
  const [pending, setPending] = useState<Record<string, Partial<Placement>>>({});
  // the risk the matrix places (desktop), or whose matrix is open (phone)
  const [chosen, setChosen] = useState<string>();
  const [phoneOpen, setPhoneOpen] = useState<string>();
  // what was just placed, as data: the announcement follows a change of interface language
  const [announcement, setAnnouncement] = useState<{ index: number; placement: Placement }>();
  const uid = useId();
  if (!m) return null;
  const all = m.risks.every((r) => placed?.[r.id]);
  const right = m.risks.filter((r) => placed?.[r.id] && placementMatches(placed[r.id]!, r)).length;
  const words = scaleWords(m, t);
  const show = checked || all;
  const active = chosen ?? m.risks.find((r) => !placed?.[r.id])?.id;

  const place = (riskId: string, placement: Placement) => {
    updateProgress((prog) => placeRisk(prog, id, riskId, placement));
    if (pending[riskId]) setPending(({ [riskId]: _, ...rest }) => rest);
    const index = m.risks.findIndex((r) => r.id === riskId);
    const next = m.risks.find((r) => r.id !== riskId && !placed?.[r.id]);
    setAnnouncement({ index, placement });
    return next;
  };

  const setAxis = (riskId: string, key: Axis, v: number) => {
    const p = placed?.[riskId];
    const next = { ...(p ?? pending[riskId]), [key]: v };
    if (next.likelihood === undefined || next.impact === undefined) {
      setPending((prev) => ({ ...prev, [riskId]: next }));
      return;
    }
    place(riskId, { likelihood: next.likelihood, impact: next.impact });
  };

  const grid = (interactiveFor: string | undefined, onPlaced?: (next: string | undefined) => void) => (
    <MatrixGrid
      matrix={m}
      placed={placed}
      words={words}
      active={interactiveFor}
      onPlace={interactiveFor ? (placement) => {
        const next = place(interactiveFor, placement);
        onPlaced?.(next?.id);
      } : undefined}
    />
  );

  return (
    // interface text in the interface's language; the course text in it is marked zh-CN
    <section className="risk-matrix" aria-labelledby={`rm-${id}`} lang={i18n.language}>
      <p className="eyebrow">{t('matrix.label')}</p>
      <h3 id={`rm-${id}`} lang={COURSE_LANG}>{m.title}</h3>
      <p className="hint">{t('matrix.legend')}</p>
      {review && <RiskMatrixReviewRatings matrix={m} />}
      <div className="matrix-layout">
        <ol className="risk-list">
          {m.risks.map((r, i) => {
            const p = placed?.[r.id];
            const grade = p ? riskGrade(p.likelihood, p.impact) : undefined;
            const gridHere = !wide && phoneOpen === r.id;
            return (
              <li key={r.id} className={`risk-item${wide && active === r.id ? ' active' : ''}`}>
                <p className="risk-text" id={`${uid}-${r.id}`} lang={COURSE_LANG}><span className="risk-no">{letter(i)}</span>{r.text}</p>
                <div className="risk-controls">
                  {(['likelihood', 'impact'] as const).map((key) => (
                    <label key={key}>
                      <span>{t(`matrix.${key}`)}</span>
                      <select value={p?.[key] ?? pending[r.id]?.[key] ?? ''} aria-describedby={`${uid}-${r.id}`} onChange={(e) => setAxis(r.id, key, Number(e.target.value))}>
                        {!p && <option value="">—</option>}
                        {RISK_LEVELS.map((n) => <option key={n} value={n} lang={words.lang}>{n} · {words[key][n - 1]}</option>)}
                      </select>
                    </label>
                  ))}
                  <button
                    type="button"
                    className="button secondary small"
                    aria-pressed={wide ? active === r.id : gridHere}
                    aria-describedby={`${uid}-${r.id}`}
                    id={`${uid}-place-${r.id}`}
                    onClick={() => (wide ? setChosen(r.id) : setPhoneOpen(gridHere ? undefined : r.id))}
                  >
                    {t('matrix.placeOnGrid', { risk: letter(i) })}
                  </button>
                  <span className={`grade ${grade ?? 'none'}`}>{grade ? t('matrix.gradeLabel', { grade: t(`matrix.grade.${grade}`) }) : ''}</span>
                </div>
                {gridHere && grid(r.id, () => {
                  setPhoneOpen(undefined);
                  document.getElementById(`${uid}-place-${r.id}`)?.focus();
                })}
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
        {/* a desktop places the chosen risk beside the list; a phone shows the whole picture after it */}
        <div className="matrix-side">
          {wide && active && <p className="matrix-active">{t('matrix.placing', { risk: letter(m.risks.findIndex((r) => r.id === active)) })}</p>}
          {grid(wide ? active : undefined, (next) => setChosen(next))}
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement && t('matrix.placedAnnounce', { risk: letter(announcement.index), l: announcement.placement.likelihood, lw: words.likelihood[announcement.placement.likelihood - 1], i: announcement.placement.impact, iw: words.impact[announcement.placement.impact - 1], grade: t(`matrix.grade.${riskGrade(announcement.placement.likelihood, announcement.placement.impact)}`) })}
      </p>
      <div className="matrix-footer">
        <p>{t('matrix.placed', { placed: m.risks.filter((r) => placed?.[r.id]).length, total: m.risks.length })}</p>
        {/* once the results are shown they follow every change: nothing more to press */}
        {!show && <button type="button" className="button secondary" onClick={() => setChecked(true)}>{t('matrix.check')}</button>}
      </div>
      <p aria-live="polite" className="matrix-summary">{show ? t('matrix.summary', { right, total: m.risks.length }) : ''}</p>
    </section>
  );
}

interface ScaleWords {
  likelihood: string[];
  impact: string[];
  /** the words' language: the chapter's when authored, the interface's otherwise */
  lang: string | undefined;
}

function scaleWords(m: RiskMatrixData, t: ReturnType<typeof useTranslation>['t']): ScaleWords {
  const fallback = (axis: Axis) => RISK_LEVELS.map((n) => t(`matrix.scale.${axis}.${String(n) as '1' | '2' | '3' | '4'}`));
  return {
    likelihood: m.likelihoodScale ?? fallback('likelihood'),
    impact: m.impactScale ?? fallback('impact'),
    lang: m.likelihoodScale || m.impactScale ? 'zh-CN' : undefined,
  };
}

interface GridProps {
  matrix: RiskMatrixData;
  placed: Record<string, Placement> | undefined;
  words: ScaleWords;
  /** the risk a tap on a cell places; without it the grid only shows */
  active?: string;
  onPlace?: (p: Placement) => void;
}

function MatrixGrid({ matrix, placed, words, active, onPlace }: GridProps) {
  const { t } = useTranslation();
  const levels = [...RISK_LEVELS].reverse();
  const activeLetter = active ? letter(matrix.risks.findIndex((r) => r.id === active)) : undefined;
  return (
    <table className={onPlace ? 'matrix-grid placing' : 'matrix-grid'}>
      <caption className="visually-hidden">{onPlace && activeLetter ? t('matrix.gridPlacing', { risk: activeLetter }) : t('matrix.label')}</caption>
      <thead>
        <tr>
          <th scope="col" className="matrix-corner">
            <span>{t('matrix.impact')} ↓</span> <span>{t('matrix.likelihood')} →</span>
          </th>
          {RISK_LEVELS.map((l) => <th key={l} scope="col">{l}<span className="axis-word" lang={words.lang}>{words.likelihood[l - 1]}</span></th>)}
        </tr>
      </thead>
      <tbody>
        {levels.map((i) => (
          <tr key={i}>
            <th scope="row">{i}<span className="axis-word" lang={words.lang}>{words.impact[i - 1]}</span></th>
            {RISK_LEVELS.map((l) => {
              const grade = riskGrade(l, i);
              const here = matrix.risks.map((r, n) => ({ r, n })).filter(({ r }) => placed?.[r.id]?.likelihood === l && placed[r.id]!.impact === i).map(({ n }) => letter(n));
              const content = (
                <>
                  <span className="cell-grade">{t(`matrix.grade.${grade}`)}</span>
                  {here.length > 0 && <span className="cell-risks">{here.join(' ')}</span>}
                </>
              );
              return (
                <td key={l} className={`cell ${grade}`}>
                  {onPlace && activeLetter ? (
                    <button
                      type="button"
                      className="cell-button"
                      // the name begins with what the cell shows (its grade and the risks in it, WCAG 2.5.3)
                      aria-label={t('matrix.cellLabel', { shown: `${t(`matrix.grade.${grade}`)}${here.join(' ')}`, risk: activeLetter, l, lw: words.likelihood[l - 1], i, iw: words.impact[i - 1] })}
                      onClick={() => onPlace({ likelihood: l, impact: i })}
                    >
                      {content}
                    </button>
                  ) : content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
