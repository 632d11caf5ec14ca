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
  organisation: z.string({ error: 'must be the name of the organisation that issues the certificate' }).min(1, 'must not be empty').optional(),
  requirements: z
    .strictObject({
      scenarios: z.boolean({ error: 'must be true or false: whether every scenario must be walked to an outcome' }).optional(),
      riskMatrix: z.boolean({ error: 'must be true or false: whether every risk of every matrix must be placed' }).optional(),
      assessmentOpens: z.enum(['after-chapters', 'always'], { error: 'must be "after-chapters" or "always"' }).optional(),
    })
    .optional(),
  reading: z
    .strictObject({
      // a ceiling, not an average: above about 2,000 characters a minute nobody reads Chinese text, they skim it
      charsPerMinute: z.number({ error: 'must be a number of characters a minute' }).int().min(100, 'must be at least 100').max(2000, 'must be at most 2000').optional(),
      minSeconds: z.number({ error: 'must be a number of seconds' }).int().min(0).max(600, 'must be at most 600').optional(),
    })
    .optional(),
  rounds: z
    .strictObject({
      enabled: z.boolean({ error: 'must be true or false' }).optional(),
      assessmentReread: z.enum(['missed-parts', 'all-chapters'], { error: 'must be "missed-parts" or "all-chapters"' }).optional(),
    })
    .optional(),
  recertification: z
    .strictObject({
      withinDays: z.number({ error: 'must be a whole number of days' }).int().min(0).max(365, 'must be at most 365').optional(),
    })
    .optional(),
  changes: z
    .array(
      z.strictObject({
        version: z.string({ error: 'is required (e.g. "1.1.0")' }).regex(/^\d+\.\d+\.\d+$/, 'must be a version like "1.1.0"'),
        chapters: z.array(idSchema, { error: 'must list the ids of the chapters that changed' }).min(1, 'must list at least one chapter'),
      }),
      { error: 'must be a list of { version, chapters }' },
    )
    .optional(),
  // what the completion records need: xAPI 1.0.3 activity ids are IRIs under `activityBase`, and an actor's
  // account names its system by `actorHomePage` (an IRL, so it must be a web address)
  records: z
    .strictObject({
      activityBase: z
        .string({ error: 'must be the web address your xAPI activity ids start with, e.g. "https://training.your-company.cn/xapi/course-id"' })
        .regex(/^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/, 'must be an absolute http(s) address with no spaces, query or fragment')
        .refine((s) => !s.endsWith('/'), 'must not end with "/": ids are added after it'),
      actorHomePage: z
        .string({ error: 'must be the web address of the system that knows your learners by employee id, e.g. "https://hr.your-company.cn"' })
        .regex(/^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/, 'must be an absolute http(s) address with no spaces, query or fragment'),
    })
    .optional(),
  // a Learning Record Store fed live (xAPI 1.0.3): its endpoint, and where the browser gets the credential at run
  // time; a secret never sits in course.yaml, which ships inside every package
  lrs: z
    .strictObject({
      endpoint: z
        .string({ error: 'must be the web address of the LRS\'s xAPI endpoint, e.g. "https://lrs.your-company.cn/xapi/"' })
        .regex(/^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/, 'must be an absolute http(s) address with no spaces, query or fragment'),
      tokenUrl: z
        .string({ error: 'must be the web address that hands a signed-in learner their LRS credential' })
        .regex(/^(?:https?:\/\/[^\s/?#]+)?\/[^\s#]*$/, 'must be an http(s) address or a path on this site')
        .optional(),
    })
    .optional(),
  // the cmi5 package (cmi5 §13.1.4 AU moveOn): what the LMS waits for before it counts the course as done
  cmi5: z
    .strictObject({
      moveOn: z
        .enum(['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'], {
          error: 'must be one of Passed, Completed, CompletedAndPassed, CompletedOrPassed, NotApplicable',
        })
        .optional(),
    })
    .optional(),
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
