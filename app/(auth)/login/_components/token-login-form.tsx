"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import { zodResolver } from "@hookform/resolvers/zod";
import { tokenLoginSchema, type TokenLoginInput } from "@/lib/schemas/login";
import { tokenLoginAction } from "../actions";
import { HomeserverField, LoginField, type HomeserverChoice } from "./homeserver-field";
import { OutcomeLine } from "@/app/(portal)/_components/outcome-line";

/** The second way in: an access token the admin already has (e.g. from Element's settings). */
export function TokenLoginForm({ homeservers }: { homeservers: HomeserverChoice[] }) {
  const t = useTranslations("login.token");
  const { register, handleSubmit, setError, formState } = useForm<TokenLoginInput>({
    resolver: zodResolver(tokenLoginSchema),
    defaultValues: { accessToken: "", homeserverUrl: homeservers[0]?.value ?? "" },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const { errors, isSubmitting } = formState;

  async function onSubmit(values: TokenLoginInput) {
    setFormError(null);
    const r = await tokenLoginAction(values);
    if (r && !r.ok) {
      const fields = r.error.fieldErrors ?? {};
      if (fields.accessToken) setError("accessToken", { message: fields.accessToken });
      if (fields.homeserverUrl) setError("homeserverUrl", { message: fields.homeserverUrl });
      if (!fields.accessToken && !fields.homeserverUrl) setFormError(r.error.message);
    }
  }

  return (
    <details className="rounded-lg border border-line bg-surface p-5">
      <summary className="cursor-pointer text-sm font-medium">{t("summary")}</summary>
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="mt-4 flex flex-col gap-4" aria-label={t("summary")}>
        <HomeserverField id="token-homeserverUrl" choices={homeservers} registration={register("homeserverUrl")} error={errors.homeserverUrl?.message} />
        <LoginField
          id="accessToken"
          label={t("label")}
          type="password"
          autoComplete="off"
          help={t("help")}
          error={errors.accessToken?.message}
          {...register("accessToken")}
        />
        <OutcomeLine error={formError} />
        <button type="submit" disabled={isSubmitting} className="btn-primary">
          {isSubmitting ? t("submitting") : t("submit")}
        </button>
      </form>
    </details>
  );
}
