"use client";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { useTranslations } from "next-intl";
import { THREEPID_MEDIA } from "@/lib/schemas/users";
import { FieldError } from "@/app/(portal)/_components/text-field";

/** The part of the create and edit forms these fields fill. */
export type LinkValues = { threepids: { medium: (typeof THREEPID_MEDIA)[number]; address: string }[]; externalIds: { authProvider: string; externalId: string }[] };

/**
 * E-mail addresses, phone numbers and SSO external ids, as the create and edit forms both ask for them.
 * `contacts` false (MAS owns e-mails and phones): a note instead of the e-mail/phone fields.
 */
export function LinkFields({ form, contacts = true }: { form: UseFormReturn<LinkValues>; contacts?: boolean }) {
  const t = useTranslations("user.links");
  const { register, control, formState } = form;
  const { errors } = formState;
  const threepids = useFieldArray({ control, name: "threepids" });
  const externalIds = useFieldArray({ control, name: "externalIds" });
  return (
    <>
      {!contacts && (
        <p className="text-sm text-muted" data-testid="mas-owned-contacts">
          {t("masContacts")}
        </p>
      )}
      {contacts && (
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{t("contacts")}</legend>
        {threepids.fields.map((f, i) => (
          <div key={f.id} className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <select aria-label={t("contactKind", { n: i + 1 })} className="field" {...register(`threepids.${i}.medium`)}>
                {THREEPID_MEDIA.map((m) => (
                  <option key={m} value={m}>
                    {t(`media.${m}`)}
                  </option>
                ))}
              </select>
              <input aria-label={t("contact", { n: i + 1 })} className="field flex-1" {...register(`threepids.${i}.address`)} />
              <button type="button" className="btn-secondary py-1" onClick={() => threepids.remove(i)} aria-label={t("removeContact", { n: i + 1 })}>
                {t("remove")}
              </button>
            </div>
            <FieldError message={errors.threepids?.[i]?.address?.message} />
          </div>
        ))}
        <button type="button" className="btn-secondary self-start py-1 text-sm" onClick={() => threepids.append({ medium: "email", address: "" })}>
          {t("addContact")}
        </button>
      </fieldset>
      )}

      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{t("sso")}</legend>
        {externalIds.fields.map((f, i) => (
          <div key={f.id} className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <input aria-label={t("provider", { n: i + 1 })} placeholder="oidc-provider" className="field w-44" {...register(`externalIds.${i}.authProvider`)} />
              <input aria-label={t("externalId", { n: i + 1 })} placeholder={t("externalIdPlaceholder")} className="field flex-1" {...register(`externalIds.${i}.externalId`)} />
              <button type="button" className="btn-secondary py-1" onClick={() => externalIds.remove(i)} aria-label={t("removeExternalId", { n: i + 1 })}>
                {t("remove")}
              </button>
            </div>
            <FieldError message={errors.externalIds?.[i]?.authProvider?.message ?? errors.externalIds?.[i]?.externalId?.message} />
          </div>
        ))}
        <button type="button" className="btn-secondary self-start py-1 text-sm" onClick={() => externalIds.append({ authProvider: "", externalId: "" })}>
          {t("addExternalId")}
        </button>
      </fieldset>
    </>
  );
}
