/** A glossary term as the build hands it to the player (content/glossary.yaml, checked and resolved). */
export interface GlossaryEntry {
  id: string;
  term: string;
  aliases: string[];
  /** the part that teaches it (0 intro … 10 summary) */
  part: number;
  /** the chapter and section that teach it, when the glossary names a section (else the part's first chapter) */
  chapter?: string;
  section?: string;
  definition: string;
}
