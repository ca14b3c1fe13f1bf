/** The console's two locales; zh-CN is primary, en for visiting officials and logs. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type LocalizedLabel = Readonly<Record<Locale, string>>;
