import i18next from 'i18next';

// Translations for one set of catalogs (the emails', the tracking page's): a private i18next instance each,
// never the global one another module might reconfigure. Resources are inline and initAsync is off, so the
// instance is ready as soon as it is made.

export type Translate = (key: string, values?: Record<string, unknown>) => string;

export function translations<L extends string>(catalogs: Record<L, object>): (locale: L) => Translate {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: Object.fromEntries(
      Object.entries(catalogs).map(([lng, catalog]) => [lng, { translation: catalog as object }]),
    ),
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: Object.keys(catalogs),
    initAsync: false,
    returnNull: false,
    // Output goes through eta, which escapes HTML itself; escaping here too would show "&amp;" to readers.
    interpolation: { escapeValue: false },
  });
  return (locale) => {
    const t = i18n.getFixedT(locale);
    return (key, values) => String(t(key, values ?? {}));
  };
}
