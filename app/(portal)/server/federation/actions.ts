"use server";
// Federation: clear Synapse's back-off for one destination so it retries now.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/admin-action";
import { resetDestinationConnection } from "@/lib/synapse/federation";
import { destinationRefSchema } from "@/lib/schemas/federation";

export const resetDestinationConnectionAction = adminAction(
  { role: "owner", schema: destinationRefSchema, audit: (i) => ({ action: "federation.reset-connection", target: i.destination }) },
  async (i, admin) => {
    await resetDestinationConnection(admin.creds, i.destination);
    revalidatePath("/server/federation", "layout");
    return null;
  },
);
