/** The final-assessment bank: its own lazily loaded chunk, extracted at build time like every chapter. */
import type { Question } from '../../domain/course.ts';

const modules = import.meta.glob<{ interactive: { bank?: Question[] } }>('/content/assessment.mdx');

export async function loadBank(file: string): Promise<Question[]> {
  const load = modules['/' + file];
  if (!load) throw new Error(`no assessment bank at ${file}`);
  return (await load()).interactive.bank ?? [];
}
