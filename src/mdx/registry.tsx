/** The one registry of components authors use in MDX (documented in content/AUTHORING.md). */
import type { MDXComponents } from 'mdx/types';
import { ActionPlan } from '../features/action-plan/action-plan.tsx';
import { Term } from '../features/glossary/term.tsx';
import { Accordion, Item } from '../features/blocks/accordion.tsx';
import { Diagram, Node } from '../features/blocks/diagram.tsx';
import { Card, Flashcards } from '../features/blocks/flashcards.tsx';
import { Step, Steps } from '../features/blocks/steps.tsx';
import { Tab, Tabs } from '../features/blocks/tabs.tsx';
import { Quiz } from '../features/quiz/quiz.tsx';
import { Callout, KeyPoints } from '../features/reading/key-points.tsx';
import { Section } from '../features/reading/section.tsx';
import { RiskMatrix } from '../features/risk-matrix/risk-matrix.tsx';
import { Scenario } from '../features/scenario/scenario.tsx';

export const mdxComponents = {
  Section,
  KeyPoints,
  Callout,
  Quiz,
  Scenario,
  RiskMatrix,
  ActionPlan,
  Term,
  Tabs,
  Tab,
  Accordion,
  Item,
  Steps,
  // a scenario's <Step> never reaches the registry: the build replaces the whole <Scenario> by its data
  Step,
  Flashcards,
  Card,
  Diagram,
  Node,
} as unknown as MDXComponents;
