import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/server";
import { rootClientMessages } from "./_i18n/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: t("title"), description: t("description"), referrer: "no-referrer" };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-canvas text-ink antialiased">
        <NextIntlClientProvider messages={rootClientMessages(locale)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
