import type { UseFormRegisterReturn } from "react-hook-form";
import { useTranslations } from "next-intl";
import { FieldError } from "@/app/(portal)/_components/text-field";
import { useMessage } from "@/lib/i18n/hooks";

/** The admin flag and the user type, as the create and edit forms both ask for them. */
export function RoleFields({ idPrefix, admin, userType, error }: { idPrefix: string; admin: UseFormRegisterReturn; userType: UseFormRegisterReturn; error?: string }) {
  const t = useTranslations("user.fields");
  return (
    <>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...admin} /> {t("serverAdmin")}
      </label>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}-usertype`} className="text-sm font-medium">
          {t("userType")}
        </label>
        <input id={`${idPrefix}-usertype`} list={`${idPrefix}-user-types`} placeholder="regular" className="field" {...userType} />
        <datalist id={`${idPrefix}-user-types`}>
          <option value="bot" />
          <option value="support" />
        </datalist>
        <FieldError message={error} />
      </div>
    </>
  );
}

/** The display name field, as the create and edit forms both ask for it. */
export function DisplayNameField({ id, field, error }: { id: string; field: UseFormRegisterReturn; error?: string }) {
  const t = useTranslations("user.fields");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {t("displayname")}
      </label>
      <input id={id} className="field" {...field} />
      <FieldError message={error} />
    </div>
  );
}

/** The homeserver's password rules under a password field (passwords that break them are refused). */
export function PolicyHint({ text }: { text: string | null }) {
  const render = useMessage(); // the policy in a sentence is a message reference (lib/synapse/password-policy.ts)
  if (!text) return null;
  return (
    <span className="text-xs text-muted" data-testid="password-policy">
      {render(text)}
    </span>
  );
}
