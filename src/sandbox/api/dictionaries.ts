import { permissionDictionary, secretQuestions } from "../account/catalog";
import { json, type Reply } from "../http/reply";
import type { AuthorizedRequest } from "./context";
import { pageOf } from "./paging";

export function listPermissions(request: AuthorizedRequest): Reply {
  const base = `${request.baseUrl}/restapi/v1.0/dictionary/permission`;
  const page = pageOf(request, "/restapi/v1.0/dictionary/permission", permissionDictionary, (p) => ({
    uri: `${base}/${p.id}`,
    id: p.id,
    displayName: p.displayName,
    description: p.displayName,
    assignable: true,
    readOnly: false,
    siteCompatible: p.siteCompatible,
    category: {
      id: p.category.replace(/\s+/g, ""),
      uri: `${request.baseUrl}/restapi/v1.0/dictionary/permission-category/${p.category.replace(/\s+/g, "")}`,
    },
  }));
  return page.ok ? json(page.value) : page.reply;
}

/** Undocumented (CROISSANT): `records[] {id, questionText}`. */
export function listSecretQuestions(request: AuthorizedRequest): Reply {
  const base = `${request.baseUrl}/restapi/v1.0/dictionary/secret-question`;
  return json({ uri: base, records: secretQuestions.map((q) => ({ uri: `${base}/${q.id}`, ...q })) });
}
