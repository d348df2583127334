import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { runtimeLocale } from '../../lib/format/number';
import { createFormatter, userTimeZone, type ValueFormatter } from '../../lib/format/value';

const FormatterContext = createContext<ValueFormatter | null>(null);


/**
 * Provides the value formatter (locale + time zone) to the member components. Without props it
 * uses the browser's language and time zone (issue 5: dates in the user's time zone, numbers
 * localised); tests pin both.
 */
export function FormatterProvider({ locale, timeZone, children }: { locale?: string; timeZone?: string; children: ComponentChildren }) {
  const formatter = useMemo(() => {
    const zone = timeZone ?? userTimeZone();
    const lang = locale ?? runtimeLocale();
    try {
      return createFormatter({ locale: lang, timeZone: zone });
    } catch {
      return createFormatter({ locale: undefined, timeZone: 'UTC' });
    }
  }, [locale, timeZone]);
  return <FormatterContext.Provider value={formatter}>{children}</FormatterContext.Provider>;
}

/** The nearest provider's formatter, or one for the runtime's locale and time zone. */
export function useFormatter(): ValueFormatter {
  const provided = useContext(FormatterContext);
  return useMemo(() => provided ?? createFormatter({ locale: runtimeLocale(), timeZone: userTimeZone() }), [provided]);
}
