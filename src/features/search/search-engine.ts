/** The course's search, loaded only when search is opened: the index chunk is not part of any other view. */
import glossary from 'virtual:glossary';
import data from 'virtual:search-index';
import { createSearch } from './search-core.ts';

export const search = createSearch(data, glossary);
