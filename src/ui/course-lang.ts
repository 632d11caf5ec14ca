import course from 'virtual:course';

/**
 * The language of course text (titles, prompts, choices, risks, plan areas): the manifest's `defaultLocale`, so a
 * course written in another language is marked as such (WCAG 3.1.2). Interface text takes the interface's.
 */
export const COURSE_LANG = course.defaultLocale;
