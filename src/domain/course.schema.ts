/**
 * Build-time schemas for what authors write: course.yaml and chapter frontmatter.
 * Messages are written for trainers: they say what is wrong and how to mend it.
 */
import { z } from 'zod';

export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const idMessage = 'must be kebab-case: lowercase letters, digits and single hyphens (e.g. "p3-risk-types")';

export const idSchema = z.string({ error: 'is required and must be a text id' }).regex(idPattern, idMessage);

export const courseSchema = z.strictObject({
  id: idSchema,
  version: z.string({ error: 'is required (e.g. "1.0.0")' }).regex(/^\d+\.\d+\.\d+$/, 'must be a version like "1.0.0"'),
  title: z.string({ error: 'is required' }).min(1, 'must not be empty'),
  subtitle: z.string().optional(),
  defaultLocale: z.enum(['zh-CN', 'en'], { error: 'must be "zh-CN" or "en"' }),
  masteryScore: z.number({ error: 'must be a number from 0 to 100' }).min(0).max(100),
  certificateValidityMonths: z.number({ error: 'must be a whole number of months' }).int().positive(),
  assessment: z.strictObject({
    questionsPerPart: z.number().int().positive(),
    attempts: z.number().int().min(0),
    refresherQuestionsPerPart: z.number().int().positive(),
  }),
  chapters: z.array(idSchema, { error: 'must list the chapter ids in teaching order' }).min(1, 'must list at least one chapter'),
});
export type CourseYaml = z.infer<typeof courseSchema>;

export const frontmatterSchema = z.strictObject({
  id: idSchema,
  title: z.string({ error: 'is required: the chapter title shown to learners' }).min(1, 'must not be empty'),
  part: z
    .number({ error: 'is required: 0 for the introduction, 1–9 for a part, 10 for the summary' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 10')
    .max(10, 'must be between 0 and 10'),
  minutes: z.number({ error: 'is required: the estimated minutes to complete the chapter' }).int().positive('must be more than 0'),
  objectives: z
    .array(z.string().min(1), { error: 'is required: a list of what the learner can do afterwards' })
    .min(1, 'must list at least one objective'),
});
export type Frontmatter = z.infer<typeof frontmatterSchema>;

export const bankFrontmatterSchema = z.strictObject({
  id: idSchema,
  title: z.string({ error: 'is required' }).min(1),
});
