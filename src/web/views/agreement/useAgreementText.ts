// What the agreement view says and how it writes numbers, in the interface language.

import { useMemo } from 'react';
import { useFormat } from '../../i18n/index.tsx';
import { useMessages } from '../../i18n/index.tsx';
import { useWorkspace } from '../../workspace.tsx';
import { codePath } from '../codebook/codebook.ts';
import { explainNote, explainReason, explainSkipped, type Explained } from './explain.ts';
import { agreementMessages } from './messages.ts';

type Key = keyof typeof agreementMessages.en & string;
/** Messages with a singular (…One) and a plural (…Other) form. */
type Counted = 'codings' | 'compared' | 'skipped' | 'disagreements';

export function useAgreementText() {
  const t = useMessages(agreementMessages);
  const format = useFormat();
  const { codes } = useWorkspace();
  return useMemo(() => {
    const pct = new Intl.NumberFormat(format.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    // No sign on a value that rounds to zero: "-0.000" reads as a finding.
    const coef = new Intl.NumberFormat(format.locale, { minimumFractionDigits: 3, maximumFractionDigits: 3, signDisplay: 'negative' });
    const names = new Intl.ListFormat(format.locale, { type: 'conjunction' });
    const plural = new Intl.PluralRules(format.locale);
    const explainFormat = { percent: (x: number) => pct.format(x), coded: t('codedValue'), notCoded: t('notCodedValue') };
    const say = (e: Explained<Key>) => ('text' in e ? e.text : t(e.key, e.values));
    const known = new Set(codes.map((c) => c.id));
    return {
      t,
      format,
      /** "1 coding", "2 codings"; French counts 0 as singular too. */
      count: (key: Counted, n: number) => t(`${key}${plural.select(n) === 'one' ? 'One' : 'Other'}`, { count: format.number(n) }),
      percent: (x: number) => pct.format(x),
      coef: (x: number) => coef.format(x),
      list: (items: string[]) => names.format(items),
      reason: (reason: string) => say(explainReason(reason, explainFormat)),
      /** Null for a note the view shows from the data instead. */
      note: (note: string) => {
        const e = explainNote(note, explainFormat);
        return e && say(e);
      },
      skipped: (reason: string) => say(explainSkipped(reason)),
      /** "Obstacles › Fear of deportation", from the codebook when it knows the code. */
      codeLabel: (codeId: string, reportPath: string) => (known.has(codeId) ? codePath(codes, codeId) : reportPath.split('/').join(' › ')),
    };
  }, [t, format, codes]);
}

export type AgreementText = ReturnType<typeof useAgreementText>;
