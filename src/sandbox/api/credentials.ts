import { secretQuestions } from "../account/catalog";
import type { ExtensionRecord } from "../account/model";
import { checkPassword, checkPin, checkSso } from "../account/rules";
import { invalidParameter, noContent, type Reply, refuse } from "../http/reply";
import type { AuthorizedRequest } from "./context";
import { credentialsUpdate } from "./extension-schemas";
import { extensionIdParam, parseJson } from "./request-parsing";

/**
 * PUT /extension/{id}/credentials (undocumented; CROISSANT's shape). Same password/PIN rules as PUT /extension, the
 * question must come from the dictionary. Answers 204: the source shows no response body.
 */
export function updateCredentials(request: AuthorizedRequest): Reply {
  const id = extensionIdParam(request);
  if (!id.ok) return id.reply;
  const body = parseJson(request.body, credentialsUpdate);
  if (!body.ok) return body.reply;
  const { account } = request.platform;
  const extension = structuredClone(account.extensions.get(id.value) as ExtensionRecord);
  const { password, ivrPin, secretQuestion } = body.value;
  const rule =
    (password !== undefined
      ? (checkSso(account, extension.type) ??
        checkPassword(
          password,
          extension,
          account.phoneNumbersOf(extension.id).map((p) => p.phoneNumber),
        ))
      : undefined) ?? (ivrPin !== undefined ? checkPin(ivrPin, extension.extensionNumber) : undefined);
  if (rule) return refuse(400, rule.errorCode, rule.message, rule.parameterName);
  if (secretQuestion && !secretQuestions.some((q) => q.id === secretQuestion.id)) {
    return invalidParameter("secretQuestion.id", `Secret question [${secretQuestion.id}] is not found`, secretQuestion.id);
  }
  if (password !== undefined) extension.password = password;
  if (ivrPin !== undefined) extension.ivrPin = ivrPin;
  if (secretQuestion) extension.secretQuestion = secretQuestion;
  account.putExtension(extension);
  return noContent();
}
