import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { gateAuthOptions, gateEnabled } from "@/lib/auth/gate";

// next-auth's endpoints for the organisation gate (sign-in, OIDC callback, csrf, session); 404 when it is off.
type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context) {
  if (!gateEnabled()) return new Response("Not found", { status: 404 });
  return NextAuth(request, context, gateAuthOptions());
}

export { handler as GET, handler as POST };
