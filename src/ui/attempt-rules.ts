/**
 * Whose attempt rules apply. In the player's own course the player's rules hold: a quiz's allowed attempts, then
 * rounds unlocked by re-reading. Launched inside an LMS, the LMS's own attempt rules apply instead and the player
 * offers no rounds; the LMS runtime provides 'lms' around the app.
 */
import { createContext, useContext } from 'react';

export type AttemptRules = 'player' | 'lms';

export const AttemptRulesContext = createContext<AttemptRules>('player');

export function useAttemptRules(): AttemptRules {
  return useContext(AttemptRulesContext);
}
