// A third-party identifier (e-mail address or phone number) as Synapse's admin API stores it.
export type Threepid = { medium: "email" | "msisdn"; address: string };
