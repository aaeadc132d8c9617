import { z } from "zod";
import { serverFunction } from "./server-function";

export interface ConnectedPerson {
  connected: boolean;
  server: string;
  name: string;
  extensionNumber: string;
  email: string;
}

interface ExtensionInfo {
  name?: string;
  extensionNumber?: string;
  contact?: { email?: string; firstName?: string; lastName?: string };
}

/** Who the person is signed in as (their own extension), so the sidebar can say so. */
export const connectedAs = serverFunction(z.object({}).default({}), async (home): Promise<ConnectedPerson> => {
  const settings = home.connection?.settings();
  if (!home.connection || !settings) return { connected: false, server: "", name: "", extensionNumber: "", email: "" };
  const me = await home.connection.client().call<ExtensionInfo>("readExtension", { path: { extensionId: "~" } });
  const fullName = [me.contact?.firstName, me.contact?.lastName].filter(Boolean).join(" ");
  return {
    connected: true,
    server: settings.server,
    name: me.name ?? fullName,
    extensionNumber: me.extensionNumber ?? "",
    email: me.contact?.email ?? "",
  };
});
