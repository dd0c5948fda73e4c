// Every language's messages, bundled at build time (a few dozen KB each; no file reads per request).
import en from "@/messages/en.json";
import de from "@/messages/de.json";
import type { Locale } from "./locales";

export type Messages = typeof en;
export const CATALOGUES: Record<Locale, Messages> = { en, de };
