// Every string the UI shows comes from a typed message table per view (define.ts);
// the current interface language reaches the views through a context.

import { createContext, useContext, useMemo } from 'react';
import type { Language } from '../../core/model.ts';
import { translate, type MessageTable, type Messages, type Translate } from './define.ts';
import { makeFormat, type Format } from '../components/format.ts';

export { defineMessages, translate, type MessageTable, type Messages, type Translate } from './define.ts';

export const LanguageContext = createContext<Language>('en');

/** The translate function for a view's messages in the current interface language. */
export function useMessages<E extends MessageTable>(messages: Messages<E>): Translate<E> {
  const language = useContext(LanguageContext);
  return useMemo(() => translate(messages, language), [messages, language]);
}

export const useLanguage = () => useContext(LanguageContext);

/** Numbers and dates in the interface language. */
export function useFormat(): Format {
  const language = useLanguage();
  return useMemo(() => makeFormat(language), [language]);
}
