import { z } from "zod";

/** Request bodies of the extension endpoints, the parts of the spec's models the sandbox acts on (others are ignored). */
const address = z.object({
  country: z.string().max(64).optional(),
  state: z.string().max(64).optional(),
  city: z.string().max(64).optional(),
  street: z.string().max(128).optional(),
  zip: z.string().max(16).optional(),
});

const contactFields = {
  lastName: z.string().max(64).optional(),
  company: z.string().max(64).optional(),
  jobTitle: z.string().max(64).optional(),
  department: z.string().max(64).optional(),
  businessPhone: z.string().max(32).optional(),
  mobilePhone: z.string().max(32).optional(),
  emailAsLoginName: z.boolean().optional(),
  businessAddress: address.optional(),
};

export const contactUpdate = z.object({
  firstName: z.string().max(64).optional(),
  email: z.string().max(254).optional(),
  ...contactFields,
});

const siteReference = z.object({ id: z.string().min(1) });
const wizard = z.enum(["NotStarted", "Incomplete", "Completed"]);

/** `ExtensionUpdateRequest`: no `Unassigned` status (an extension only leaves it). */
export const extensionUpdate = z.object({
  status: z.enum(["Enabled", "Disabled", "Frozen", "NotActivated"]).optional(),
  extensionNumber: z.string().optional(),
  contact: contactUpdate.optional(),
  password: z.string().optional(),
  ivrPin: z.string().optional(),
  setupWizardState: wizard.optional(),
  site: siteReference.optional(),
  type: z.string().optional(),
  hidden: z.boolean().optional(),
  transition: z.object({ sendWelcomeEmail: z.boolean().optional(), sendWelcomeEmailsToUsers: z.boolean().optional() }).optional(),
});
export type ExtensionUpdate = z.infer<typeof extensionUpdate>;

/** `ExtensionCreationRequest`: `contact.firstName` and `contact.email` are required by `ContactInfoCreationRequest`. */
export const extensionCreation = z.object({
  type: z.enum([
    "User",
    "VirtualUser",
    "DigitalUser",
    "FlexibleUser",
    "Department",
    "Announcement",
    "Voicemail",
    "SharedLinesGroup",
    "PagingOnly",
    "ParkLocation",
    "Limited",
  ]),
  contact: z.object({ firstName: z.string().min(1).max(64), email: z.string().max(254), ...contactFields }),
  extensionNumber: z.string().optional(),
  status: z.enum(["Enabled", "Disabled", "Frozen", "NotActivated"]).optional(),
  password: z.string().optional(),
  ivrPin: z.string().optional(),
  setupWizardState: wizard.optional(),
  site: siteReference.optional(),
  hidden: z.boolean().optional(),
});
export type ExtensionCreation = z.infer<typeof extensionCreation>;

export const credentialsUpdate = z.object({
  password: z.string().optional(),
  ivrPin: z.string().optional(),
  secretQuestion: z.object({ id: z.string().min(1), answer: z.string().min(1).max(100) }).optional(),
});
