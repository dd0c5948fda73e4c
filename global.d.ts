// next-intl's keys and locales, checked by TypeScript against the English catalogue.
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/catalogues";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
