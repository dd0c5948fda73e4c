"use client";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { THREEPID_MEDIA } from "@/lib/schemas/users";
import { FieldError } from "@/app/(portal)/_components/text-field";
import { MAS_OWNED_NOTE } from "@/lib/auth/mas-owned";

/** The part of the create and edit forms these fields fill. */
export type LinkValues = { threepids: { medium: (typeof THREEPID_MEDIA)[number]; address: string }[]; externalIds: { authProvider: string; externalId: string }[] };

/**
 * E-mail addresses, phone numbers and SSO external ids, as the create and edit forms both ask for them.
 * `contacts` false (MAS owns e-mails and phones): a note instead of the e-mail/phone fields.
 */
export function LinkFields({ form, contacts = true }: { form: UseFormReturn<LinkValues>; contacts?: boolean }) {
  const { register, control, formState } = form;
  const { errors } = formState;
  const threepids = useFieldArray({ control, name: "threepids" });
  const externalIds = useFieldArray({ control, name: "externalIds" });
  return (
    <>
      {!contacts && (
        <p className="text-sm text-muted" data-testid="mas-owned-contacts">
          A user&apos;s e-mail addresses and phone numbers are {MAS_OWNED_NOTE}
        </p>
      )}
      {contacts && (
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Email addresses and phone numbers</legend>
        {threepids.fields.map((f, i) => (
          <div key={f.id} className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <select aria-label={`Kind of contact ${i + 1}`} className="field" {...register(`threepids.${i}.medium`)}>
                {THREEPID_MEDIA.map((m) => (
                  <option key={m} value={m}>
                    {m === "email" ? "email" : "phone (msisdn)"}
                  </option>
                ))}
              </select>
              <input aria-label={`Contact ${i + 1}`} className="field flex-1" {...register(`threepids.${i}.address`)} />
              <button type="button" className="btn-secondary py-1" onClick={() => threepids.remove(i)} aria-label={`Remove contact ${i + 1}`}>
                Remove
              </button>
            </div>
            <FieldError message={errors.threepids?.[i]?.address?.message} />
          </div>
        ))}
        <button type="button" className="btn-secondary self-start py-1 text-sm" onClick={() => threepids.append({ medium: "email", address: "" })}>
          Add email or phone
        </button>
      </fieldset>
      )}

      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Single sign-on links (external ids)</legend>
        {externalIds.fields.map((f, i) => (
          <div key={f.id} className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <input aria-label={`Provider ${i + 1}`} placeholder="oidc-provider" className="field w-44" {...register(`externalIds.${i}.authProvider`)} />
              <input aria-label={`External id ${i + 1}`} placeholder="id at the provider" className="field flex-1" {...register(`externalIds.${i}.externalId`)} />
              <button type="button" className="btn-secondary py-1" onClick={() => externalIds.remove(i)} aria-label={`Remove external id ${i + 1}`}>
                Remove
              </button>
            </div>
            <FieldError message={errors.externalIds?.[i]?.authProvider?.message ?? errors.externalIds?.[i]?.externalId?.message} />
          </div>
        ))}
        <button type="button" className="btn-secondary self-start py-1 text-sm" onClick={() => externalIds.append({ authProvider: "", externalId: "" })}>
          Add external id
        </button>
      </fieldset>
    </>
  );
}
